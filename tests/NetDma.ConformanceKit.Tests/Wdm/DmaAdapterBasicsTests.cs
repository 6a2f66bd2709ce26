using NetDma.ConformanceKit.Memory;
using NetDma.ConformanceKit.Tests.Kernel;
using NetDma.ConformanceKit.Wdm;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.Wdm;

public sealed class DmaAdapterBasicsTests
{
    [Theory]
    [InlineData(0u, 1u)]
    [InlineData(1u, 2u)]
    [InlineData(4096u, 2u)]
    [InlineData(4097u, 3u)]
    [InlineData(65536u, 17u)]
    [InlineData(1048576u, 64u)]
    public void IoGetDmaAdapter_grants_ceil_MaximumLength_over_4096_plus_one_map_registers_capped_at_64(uint maximumLength, uint expected)
    {
        var kit = new AdapterTestKit(maximumLength: maximumLength);

        Assert.Equal(expected, kit.MaximumMapRegisters);
        Assert.Equal(expected, kit.Simulated.MaximumMapRegisters);
        Assert.Empty(kit.Kit.Log.All);
    }

    [Fact]
    public void IoGetDmaAdapter_binds_the_modelled_routines_and_leaves_the_others_null()
    {
        var v1 = new AdapterTestKit().Ops;
        var v3 = new AdapterTestKit(version: DeviceDescription.DEVICE_DESCRIPTION_VERSION3).Ops;

        Assert.NotNull(v1.PutDmaAdapter);
        Assert.NotNull(v1.AllocateAdapterChannel);
        Assert.NotNull(v1.GetScatterGatherList);
        Assert.NotNull(v1.PutScatterGatherList);
        Assert.Null(v1.AllocateAdapterChannelEx);
        Assert.NotNull(v3.AllocateAdapterChannelEx);
        Assert.Null(v3.BuildScatterGatherList);
        Assert.Null(v1.FreeAdapterObject);
        Assert.IsType<PFreeAdapterObject>(v3.FreeAdapterObject);
        Assert.Equal(1, new AdapterTestKit().Adapter.Version);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public void A_device_mastering_the_bus_on_a_subordinate_adapter_is_NDMA4015_once_and_on_a_bus_master_adapter_silent(bool master, int expected)
    {
        var kit = new AdapterTestKit(master: master);
        var buffer = kit.Kit.Kernel.Memory.Allocate("buf", 64, MemoryKind.Data);

        // Two accesses: the device is reported at its first (the adapter is then known as reported), not again.
        kit.Bus.DmaRead(buffer.PhysicalBase, new byte[16]);
        kit.Bus.DmaWrite(buffer.PhysicalBase, new byte[16]);

        var reports = kit.Kit.Log.All.Where(v => v.Rule.Id == "NDMA4015").ToList();
        Assert.Equal(expected, reports.Count);
        Assert.All(reports, v => Assert.Contains(@"\Device\Pdo0 performs DMA itself (bus master)", v.Actual));
    }

    [Fact]
    public void IoGetDmaAdapter_with_an_unsupported_version_returns_NULL()
    {
        var kit = new KernelTestKit();
        var adapter = kit.Kernel.IoGetDmaAdapter(null, new DeviceDescription { Version = 4, Master = true }, out var registers);

        Assert.Null(adapter);
        Assert.Equal(0u, registers);
    }

    [Fact]
    public void IoGetDmaAdapter_at_DISPATCH_LEVEL_reports_NDMA1001_with_its_page()
    {
        var kit = new KernelTestKit();
        kit.AtDispatch(() => kit.Kernel.IoGetDmaAdapter(null, new DeviceDescription { Master = true }, out _));

        var violation = Assert.Single(kit.Log.All, v => v.Rule.Id == "NDMA1001");
        Assert.Contains("IoGetDmaAdapter called at IRQL = PASSIVE_LEVEL", violation.Expected);
        Assert.Contains(kit.Log.All, v => v.Rule.Id == "NDMA4018"); // and not from AddDevice or IRP_MN_START_DEVICE
        Assert.Equal("nf-wdm-iogetdmaadapter.md", violation.Page);
    }

    [Fact]
    public void GetDmaAlignment_is_1_and_ReadDmaCounter_is_0()
    {
        // ReadDmaCounter is for subordinate (system-DMA) devices only (NDMA4016).
        var kit = new AdapterTestKit(master: false);
        kit.Kit.AtPassive(() => Assert.Equal(1u, kit.Ops.GetDmaAlignment!(kit.Adapter)));
        kit.AtDispatch(() => Assert.Equal(0u, kit.Ops.ReadDmaCounter!(kit.Adapter)));

        Assert.Empty(kit.Kit.Log.All);
    }

    [Fact]
    public void GetDmaAlignment_at_DISPATCH_LEVEL_reports_NDMA1001_from_the_delegate_contract()
    {
        var kit = new AdapterTestKit();
        kit.AtDispatch(() => kit.Ops.GetDmaAlignment!(kit.Adapter));

        var violation = kit.Kit.Single("NDMA1001");
        Assert.Contains("GetDmaAlignment called at IRQL = PASSIVE_LEVEL", violation.Expected);
        Assert.Equal("nc-wdm-pget_dma_alignment.md", violation.Page);
    }

    [Fact]
    public void AllocateCommonBuffer_and_FreeCommonBuffer_with_matching_arguments_are_silent_and_the_device_can_use_it()
    {
        var kit = new AdapterTestKit();
        var bus = kit.Bus;
        kit.Kit.AtPassive(() =>
        {
            var va = kit.Ops.AllocateCommonBuffer!(kit.Adapter, 8192, out var logical, false);
            var buffer = kit.Kit.Kernel.Memory.Find(va)!;
            Assert.Equal(MemoryKind.CommonBuffer, buffer.Kind);
            Assert.Equal(buffer.PhysicalBase.Offset(SimulatedDmaAdapter.LogicalAddressOffset), logical);
            Assert.Equal(0UL, logical.QuadPart % SimulatedDmaAdapter.PageSize);
            Assert.True(bus.DmaWrite(logical.Offset(8000), new byte[192]));
            kit.Ops.FreeCommonBuffer!(kit.Adapter, 8192, logical, va, false);
            Assert.False(buffer.Live);
        });

        Assert.Empty(kit.Kit.Log.All);
    }

    [Fact]
    public void FreeCommonBuffer_twice_or_with_other_arguments_reports_NDMA4005()
    {
        var kit = new AdapterTestKit();
        kit.Kit.AtPassive(() =>
        {
            var va = kit.Ops.AllocateCommonBuffer!(kit.Adapter, 4096, out var logical, true);
            kit.Ops.FreeCommonBuffer!(kit.Adapter, 2048, logical, va, true);
            kit.Ops.FreeCommonBuffer!(kit.Adapter, 4096, logical, va, true);
        });

        Assert.Equal(2, kit.Kit.Log.All.Count);
        Assert.All(kit.Kit.Log.All, v => Assert.Equal("NDMA4005", v.Rule.Id));
        Assert.All(kit.Kit.Log.All, v => Assert.Equal("nc-wdm-pfree_common_buffer.md", v.Page));
        Assert.Contains("FreeCommonBuffer(Length = 2048", kit.Kit.Log.All[0].Actual);
        Assert.Contains("already freed", kit.Kit.Log.All[1].Actual);
    }

    [Fact]
    public void PutDmaAdapter_after_releasing_everything_is_silent_and_CheckDmaAdaptersPut_finds_nothing()
    {
        var kit = new AdapterTestKit();
        kit.Kit.AtPassive(() => kit.Ops.PutDmaAdapter!(kit.Adapter));

        Assert.True(kit.Simulated.IsPut);
        Assert.Equal(0, kit.Kit.Kernel.CheckDmaAdaptersPut("Driver"));
        Assert.Empty(kit.Kit.Log.All);
    }

    [Fact]
    public void PutDmaAdapter_with_a_common_buffer_outstanding_reports_NDMA4007()
    {
        var kit = new AdapterTestKit();
        kit.Kit.AtPassive(() =>
        {
            _ = kit.Ops.AllocateCommonBuffer!(kit.Adapter, 64, out _, false);
            kit.Ops.PutDmaAdapter!(kit.Adapter);
        });

        var violation = kit.Kit.Single("NDMA4007");
        Assert.Contains("PutDmaAdapter(adapter#1) with common buffer", violation.Actual);
        Assert.Equal("nc-wdm-pput_dma_adapter.md", violation.Page);
    }

    [Fact]
    public void PutDmaAdapter_twice_reports_NDMA4005_and_use_after_put_reports_NDMA4007()
    {
        var kit = new AdapterTestKit();
        kit.Kit.AtPassive(() =>
        {
            kit.Ops.PutDmaAdapter!(kit.Adapter);
            kit.Ops.PutDmaAdapter!(kit.Adapter);
            kit.Ops.GetDmaAlignment!(kit.Adapter);
        });

        Assert.Equal(["NDMA4005", "NDMA4007"], kit.Kit.Log.All.Select(v => v.Rule.Id));
        Assert.Contains("GetDmaAlignment(adapter#1) after PutDmaAdapter", kit.Kit.Log.All[1].Actual);
    }

    [Fact]
    public void CheckDmaAdaptersPut_reports_NDMA4007_for_an_adapter_never_put()
    {
        var kit = new AdapterTestKit();

        Assert.Equal(1, kit.Kit.Kernel.CheckDmaAdaptersPut("ForgetfulDriver"));

        var violation = kit.Kit.Single("NDMA4007");
        Assert.Contains("ForgetfulDriver", violation.Expected);
        Assert.Contains(@"adapter#1 of \Device\Pdo0 was never put", violation.Actual);
    }

    [Fact]
    public void A_DMA_routine_called_from_an_engine_step_is_reported_in_hardware_context()
    {
        var kit = new AdapterTestKit();
        var done = false;
        kit.Kit.Kernel.AttachDevice(new DeviceObject("engine")).AttachEngine(new TestEngine(() =>
        {
            if (done)
            {
                return false;
            }

            done = true;
            Assert.Equal(PhysicalAddress.Null, Map(kit));
            return true;
        }));

        kit.Kit.Kernel.RunHardware(5);

        Assert.Contains("MapTransfer called from hardware context", kit.Kit.Single("NDMA1001").Actual);
    }

    private static PhysicalAddress Map(AdapterTestKit kit)
    {
        var (mdl, _) = kit.NewTransferBuffer(64);
        uint length = 64;
        return kit.Ops.MapTransfer!(kit.Adapter, mdl, new MapRegisterBase(1), mdl.StartVa, ref length, true);
    }
}
