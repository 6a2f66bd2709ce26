using NetDma.ConformanceKit.Wdm;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.Wdm;

public sealed class MappingTests
{
    private readonly AdapterTestKit _kit = new(maximumLength: 4 * 4096);

    /// <summary>Runs AdapterControl returning DeallocateObjectKeepRegisters with <paramref name="registers"/> and gives back the base.</summary>
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
    public void MapTransfer_FlushAdapterBuffers_FreeMapRegisters_in_order_is_silent_and_the_logical_address_is_physical_plus_the_bus_offset()
    {
        var (mdl, buffer) = _kit.NewTransferBuffer(8192);
        var mapRegisterBase = KeepRegisters(2);
        _kit.AtDispatch(() =>
        {
            uint length = 8192;
            var logical = _kit.Ops.MapTransfer!(_kit.Adapter, mdl, mapRegisterBase, mdl.StartVa, ref length, true);
            Assert.Equal(buffer.PhysicalBase.Offset(SimulatedDmaAdapter.LogicalAddressOffset), logical);
            Assert.Equal(8192u, length);
            Assert.True(_kit.Ops.FlushAdapterBuffers!(_kit.Adapter, mdl, mapRegisterBase, mdl.StartVa, 8192, true));
            _kit.Ops.FreeMapRegisters!(_kit.Adapter, mapRegisterBase, 2);
        });

        Assert.Empty(_kit.Kit.Log.All);
        Assert.Empty(_kit.Simulated.OutstandingResources());
    }

    [Fact]
    public void FreeMapRegisters_with_a_mapped_transfer_not_flushed_reports_NDMA4004()
    {
        var (mdl, _) = _kit.NewTransferBuffer(4096);
        var mapRegisterBase = KeepRegisters(1);
        _kit.AtDispatch(() =>
        {
            uint length = 4096;
            _kit.Ops.MapTransfer!(_kit.Adapter, mdl, mapRegisterBase, mdl.StartVa, ref length, false);
            _kit.Ops.FreeMapRegisters!(_kit.Adapter, mapRegisterBase, 1);
        });

        var violation = _kit.Kit.Single("NDMA4004");
        Assert.Contains("FreeMapRegisters released", violation.Actual);
        Assert.Contains("4096 bytes at", violation.Actual);
        Assert.Equal("nc-wdm-pfree_map_registers.md", violation.Page);
    }

    [Fact]
    public void FreeAdapterChannel_with_a_mapped_transfer_not_flushed_reports_NDMA4004()
    {
        var kit = new AdapterTestKit(master: false);
        var (mdl, _) = kit.NewTransferBuffer(512);
        kit.AtDispatch(() =>
        {
            kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 1, (_, _, mapRegisterBase, _) =>
            {
                uint length = 512;
                kit.Ops.MapTransfer!(kit.Adapter, mdl, mapRegisterBase, mdl.StartVa, ref length, true);
                return IoAllocationAction.KeepObject;
            }, null);
            kit.Ops.FreeAdapterChannel!(kit.Adapter);
        });

        Assert.Equal("nc-wdm-pfree_adapter_channel.md", kit.Kit.Single("NDMA4004").Page);
    }

    [Fact]
    public void MapTransfer_with_freed_map_registers_reports_NDMA4006_and_maps_nothing()
    {
        var (mdl, _) = _kit.NewTransferBuffer(4096);
        var mapRegisterBase = KeepRegisters(1);
        var logical = new PhysicalAddress(1);
        uint length = 64;
        _kit.AtDispatch(() =>
        {
            _kit.Ops.FreeMapRegisters!(_kit.Adapter, mapRegisterBase, 1);
            logical = _kit.Ops.MapTransfer!(_kit.Adapter, mdl, mapRegisterBase, mdl.StartVa, ref length, true);
        });

        Assert.Equal(PhysicalAddress.Null, logical);
        Assert.Equal(0u, length);
        var violation = _kit.Kit.Single("NDMA4006");
        Assert.Contains("which were freed", violation.Actual);
        Assert.Equal("nc-wdm-pmap_transfer.md", violation.Page);
    }

    [Fact]
    public void MapTransfer_past_the_end_of_the_MDL_reports_NDMA4006_and_maps_only_what_fits()
    {
        var (mdl, buffer) = _kit.NewTransferBuffer(1000);
        var mapRegisterBase = KeepRegisters(1);
        uint length = 200;
        var logical = PhysicalAddress.Null;
        _kit.AtDispatch(() =>
        {
            logical = _kit.Ops.MapTransfer!(_kit.Adapter, mdl, mapRegisterBase, mdl.StartVa.Offset(900), ref length, false);
            _kit.Ops.FlushAdapterBuffers!(_kit.Adapter, mdl, mapRegisterBase, mdl.StartVa.Offset(900), length, false);
            _kit.Ops.FreeMapRegisters!(_kit.Adapter, mapRegisterBase, 1);
        });

        Assert.Equal(100u, length);
        Assert.Equal(buffer.PhysicalAt(900).Offset(SimulatedDmaAdapter.LogicalAddressOffset), logical);
        Assert.Contains("runs 100 bytes past the end of the MDL", _kit.Kit.Single("NDMA4006").Actual);
    }

    [Fact]
    public void MapTransfer_spanning_more_pages_than_the_map_registers_reports_NDMA4006()
    {
        var (mdl, _) = _kit.NewTransferBuffer(3 * 4096);
        var mapRegisterBase = KeepRegisters(2);
        uint length = 8192;
        _kit.AtDispatch(() =>
        {
            _kit.Ops.MapTransfer!(_kit.Adapter, mdl, mapRegisterBase, mdl.StartVa.Offset(100), ref length, true);
            _kit.Ops.FlushAdapterBuffers!(_kit.Adapter, mdl, mapRegisterBase, mdl.StartVa.Offset(100), length, true);
            _kit.Ops.FreeMapRegisters!(_kit.Adapter, mapRegisterBase, 2);
        });

        Assert.Equal(8192u - 100, length);
        var violation = _kit.Kit.Single("NDMA4006");
        Assert.Contains("spans 3 pages", violation.Actual);
        Assert.Contains("has 2 free", violation.Actual);
    }

    [Fact]
    public void GetScatterGatherList_calls_the_routine_at_DISPATCH_LEVEL_with_one_element_and_PutScatterGatherList_releases_it()
    {
        var (mdl, buffer) = _kit.NewTransferBuffer(6000);
        _kit.Fdo.CurrentIrp = new Irp(mdl, true);
        ScatterGatherList? received = null;
        var seen = string.Empty;
        _kit.AtDispatch(() =>
        {
            var status = _kit.Ops.GetScatterGatherList!(_kit.Adapter, _kit.Fdo, mdl, mdl.StartVa.Offset(16), 5000, (device, irp, list, context) =>
            {
                seen = $"{device} {_kit.IrqlNow.ToDdiName()} {context} {ReferenceEquals(irp, _kit.Fdo.CurrentIrp)}";
                received = list;
            }, "sg", true);
            Assert.Equal(NtStatus.STATUS_SUCCESS, status);
            _kit.Ops.PutScatterGatherList!(_kit.Adapter, received!, true);
        });

        Assert.Equal(@"\Device\Fdo0 DISPATCH_LEVEL sg True", seen);
        var element = Assert.Single(received!.Elements);
        Assert.Equal(new ScatterGatherElement(buffer.PhysicalAt(16).Offset(SimulatedDmaAdapter.LogicalAddressOffset), 5000), element);
        Assert.Empty(_kit.Simulated.OutstandingResources());
        Assert.Empty(_kit.Kit.Log.All);
    }

    [Fact]
    public void GetScatterGatherList_past_the_end_of_the_MDL_reports_NDMA4006_and_returns_STATUS_BUFFER_TOO_SMALL()
    {
        var (mdl, _) = _kit.NewTransferBuffer(100);
        var called = false;
        var status = NtStatus.STATUS_SUCCESS;
        _kit.AtDispatch(() => status = _kit.Ops.GetScatterGatherList!(_kit.Adapter, _kit.Fdo, mdl, mdl.StartVa, 101, (_, _, _, _) => called = true, null, false));

        Assert.Equal(NtStatus.STATUS_BUFFER_TOO_SMALL, status);
        Assert.False(called);
        Assert.Equal("nc-wdm-pget_scatter_gather_list.md", _kit.Kit.Single("NDMA4006").Page);
    }

    [Fact]
    public void GetScatterGatherList_needing_more_map_registers_than_granted_returns_STATUS_INSUFFICIENT_RESOURCES()
    {
        var (mdl, _) = _kit.NewTransferBuffer(10 * 4096);
        var status = NtStatus.STATUS_SUCCESS;
        _kit.AtDispatch(() => status = _kit.Ops.GetScatterGatherList!(_kit.Adapter, _kit.Fdo, mdl, mdl.StartVa, 10 * 4096, (_, _, _, _) => { }, null, false));

        Assert.Equal(NtStatus.STATUS_INSUFFICIENT_RESOURCES, status);
        Assert.Empty(_kit.Kit.Log.All);
    }

    [Fact]
    public void PutScatterGatherList_twice_reports_NDMA4005()
    {
        var (mdl, _) = _kit.NewTransferBuffer(64);
        ScatterGatherList? list = null;
        _kit.AtDispatch(() =>
        {
            _ = _kit.Ops.GetScatterGatherList!(_kit.Adapter, _kit.Fdo, mdl, mdl.StartVa, 64, (_, _, l, _) => list = l, null, true);
            _kit.Ops.PutScatterGatherList!(_kit.Adapter, list!, true);
            _kit.Ops.PutScatterGatherList!(_kit.Adapter, list!, true);
        });

        var violation = _kit.Kit.Single("NDMA4005");
        Assert.Equal("nc-wdm-pput_scatter_gather_list.md", violation.Page);
    }
}
