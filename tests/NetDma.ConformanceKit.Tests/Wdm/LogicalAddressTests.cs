using NetDma.ConformanceKit.Memory;
using NetDma.ConformanceKit.Wdm;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.Wdm;

/// <summary>
/// Logical addresses (rules NDMA4023, NDMA4027): a device with a DMA adapter reaches memory only through what its
/// adapter maps now; its driver's CPU physical addresses do not reach memory.
/// </summary>
public sealed class LogicalAddressTests
{
    private readonly AdapterTestKit _kit = new(maximumLength: 4 * 4096);

    private MapRegisterBase KeepRegisters(uint registers)
    {
        var result = default(MapRegisterBase);
        _kit.AtDispatch(() => Assert.Equal(NtStatus.STATUS_SUCCESS, _kit.Ops.AllocateAdapterChannel!(_kit.Adapter, _kit.Fdo, registers,
            (_, _, mapRegisterBase, _) =>
            {
                result = mapRegisterBase;
                return IoAllocationAction.DeallocateObjectKeepRegisters;
            }, null)));
        return result;
    }

    [Fact]
    public void The_device_reads_a_range_while_it_is_mapped_and_not_after_FlushAdapterBuffers()
    {
        var (mdl, buffer) = _kit.NewTransferBuffer(4096);
        _kit.Kit.Kernel.Memory.Fill(buffer, 0x5A);
        var mapRegisterBase = KeepRegisters(1);
        var logical = default(Contracts.Platform.PhysicalAddress);
        _kit.AtDispatch(() =>
        {
            uint length = 4096;
            logical = _kit.Ops.MapTransfer!(_kit.Adapter, mdl, mapRegisterBase, mdl.StartVa, ref length, true);
        });

        var read = new byte[64];
        Assert.True(_kit.Bus.DmaRead(logical.Offset(128), read));
        Assert.All(read, b => Assert.Equal(0x5A, b));
        Assert.Empty(_kit.Kit.Log.All);

        _kit.AtDispatch(() => Assert.True(_kit.Ops.FlushAdapterBuffers!(_kit.Adapter, mdl, mapRegisterBase, mdl.StartVa, 4096, true)));
        Assert.False(_kit.Bus.DmaRead(logical.Offset(128), read));
        var violation = _kit.Kit.Single("NDMA4027");
        Assert.Contains("which is not mapped now", violation.Actual);
        Assert.Equal("dma-verification.md", violation.Page);
    }

    [Fact]
    public void The_device_given_the_MDL_physical_address_instead_of_MapTransfer_logical_address_is_NDMA4027()
    {
        var (mdl, buffer) = _kit.NewTransferBuffer(4096);
        var mapRegisterBase = KeepRegisters(1);
        _kit.AtDispatch(() =>
        {
            uint length = 4096;
            _ = _kit.Ops.MapTransfer!(_kit.Adapter, mdl, mapRegisterBase, mdl.StartVa, ref length, true);
        });

        Assert.False(_kit.Bus.DmaWrite(mdl.PhysicalBase, new byte[16]));
        var violation = _kit.Kit.Single("NDMA4027");
        Assert.Contains($"the CPU physical address of {buffer.Describe()}", violation.Actual);
        Assert.Contains("the access was refused", violation.Actual);
    }

    [Fact]
    public void A_common_buffer_reached_at_MmGetPhysicalAddress_is_NDMA4023_and_at_its_LogicalAddress_is_silent()
    {
        _kit.Kit.AtPassive(() =>
        {
            var va = _kit.Ops.AllocateCommonBuffer!(_kit.Adapter, 4096, out var logical, false);
            var physical = _kit.Kit.Kernel.MmGetPhysicalAddress(va);
            Assert.Equal(_kit.Kit.Kernel.Memory.Find(va)!.PhysicalBase, physical);
            Assert.NotEqual(physical, logical);

            Assert.True(_kit.Bus.DmaWrite(logical.Offset(64), new byte[32]));
            Assert.Empty(_kit.Kit.Log.All);

            Assert.False(_kit.Bus.DmaWrite(physical.Offset(64), new byte[32]));
            var violation = _kit.Kit.Single("NDMA4023");
            Assert.Equal("nc-wdm-pallocate_common_buffer.md", violation.Page);
            Assert.Contains($"LogicalAddress AllocateCommonBuffer returned ({logical}", violation.Expected);
            _kit.Ops.FreeCommonBuffer!(_kit.Adapter, 4096, logical, va, false);
        });
    }

    [Fact]
    public void A_device_without_a_DMA_adapter_reaches_memory_at_physical_addresses()
    {
        var bus = _kit.Kit.Kernel.AttachDevice(new DeviceObject(@"\Device\NetDmaEngine"));
        var buffer = _kit.Kit.Kernel.Memory.Allocate("ring", 256, MemoryKind.Data);

        Assert.True(bus.DmaWrite(buffer.PhysicalBase, new byte[64]));
        Assert.Empty(_kit.Kit.Log.All);
    }
}
