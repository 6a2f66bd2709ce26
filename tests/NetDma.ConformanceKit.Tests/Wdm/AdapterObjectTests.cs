using NetDma.ConformanceKit.Wdm;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.Wdm;

/// <summary>
/// AllocateAdapterChannelEx's DmaTransferContext (NDMA4021) and its routine-less synchronous form, whose adapter object
/// FreeAdapterObject releases (NDMA4022), nc-wdm-pallocate_adapter_channel_ex.md.
/// </summary>
public sealed class AdapterObjectTests
{
    private readonly AdapterTestKit _kit = new(version: DeviceDescription.DEVICE_DESCRIPTION_VERSION3);

    private PFreeAdapterObject FreeAdapterObject => (PFreeAdapterObject)_kit.Ops.FreeAdapterObject!;

    private NtStatus AllocateWithoutRoutine(object context, out MapRegisterBase? mapRegisterBase)
    {
        var status = NtStatus.STATUS_UNSUCCESSFUL;
        MapRegisterBase? result = null;
        _kit.AtDispatch(() => status = _kit.Ops.AllocateAdapterChannelEx!(_kit.Adapter, _kit.Fdo, context, 2,
            SimulatedDmaAdapter.DMA_SYNCHRONOUS_CALLBACK, null, null, out result));
        mapRegisterBase = result;
        return status;
    }

    [Fact]
    public void A_routine_less_synchronous_allocation_holds_the_channel_until_FreeAdapterObject_and_is_silent()
    {
        Assert.Equal(NtStatus.STATUS_SUCCESS, AllocateWithoutRoutine(new object(), out var mapRegisterBase));
        Assert.NotNull(mapRegisterBase);
        Assert.True(_kit.Simulated.ChannelHeld);
        Assert.Equal(NtStatus.STATUS_INSUFFICIENT_RESOURCES, AllocateWithoutRoutine(new object(), out _));

        _kit.AtDispatch(() => FreeAdapterObject(_kit.Adapter, IoAllocationAction.DeallocateObject));
        Assert.False(_kit.Simulated.ChannelHeld);
        Assert.Empty(_kit.Simulated.OutstandingResources());
        _kit.Kit.AtPassive(() => _kit.Ops.PutDmaAdapter!(_kit.Adapter));
        Assert.Empty(_kit.Kit.Log.All);
        Assert.Equal(2, _kit.Kit.Log.Evaluations["NDMA4029"]); // DMA_SYNCHRONOUS_CALLBACK without a routine: accepted, judged.
    }

    [Fact]
    public void PutDmaAdapter_with_the_adapter_object_never_freed_is_NDMA4022_once_and_not_NDMA4007()
    {
        Assert.Equal(NtStatus.STATUS_SUCCESS, AllocateWithoutRoutine(new object(), out _));

        _kit.Kit.AtPassive(() => _kit.Ops.PutDmaAdapter!(_kit.Adapter));
        Assert.Equal(0, _kit.Kit.Kernel.CheckDmaAdaptersPut("test driver"));

        var violation = _kit.Kit.Single("NDMA4022");
        Assert.Equal("nc-wdm-pallocate_adapter_channel_ex.md", violation.Page);
        Assert.Contains("FreeAdapterObject was never called", violation.Actual);
    }

    [Fact]
    public void FreeAdapterObject_with_no_such_adapter_object_held_is_NDMA4005()
    {
        _kit.AtDispatch(() => FreeAdapterObject(_kit.Adapter, IoAllocationAction.DeallocateObject));

        Assert.Contains("no such adapter object is held", _kit.Kit.Single("NDMA4005").Actual);
    }

    [Fact]
    public void A_DmaTransferContext_of_a_request_still_holding_map_registers_is_NDMA4021_and_reusable_once_they_are_freed()
    {
        var context = new object();
        var kept = default(MapRegisterBase);
        IoAllocationAction Keep(DeviceObject device, Irp? irp, MapRegisterBase mapRegisterBase, object? c)
        {
            kept = mapRegisterBase;
            return IoAllocationAction.DeallocateObjectKeepRegisters;
        }

        _kit.AtDispatch(() => Assert.Equal(NtStatus.STATUS_SUCCESS,
            _kit.Ops.AllocateAdapterChannelEx!(_kit.Adapter, _kit.Fdo, context, 1, 0, Keep, null, out _)));
        var first = kept;
        _kit.AtDispatch(() => Assert.Equal(NtStatus.STATUS_SUCCESS,
            _kit.Ops.AllocateAdapterChannelEx!(_kit.Adapter, _kit.Fdo, context, 1, 0, Keep, null, out _)));
        var violation = _kit.Kit.Single("NDMA4021");
        Assert.Contains($"the request holding {first}", violation.Actual);

        _kit.AtDispatch(() =>
        {
            _kit.Ops.FreeMapRegisters!(_kit.Adapter, first, 1);
            _kit.Ops.FreeMapRegisters!(_kit.Adapter, kept, 1);
            Assert.Equal(NtStatus.STATUS_SUCCESS, _kit.Ops.AllocateAdapterChannelEx!(_kit.Adapter, _kit.Fdo, context, 1, 0, Keep, null, out _));
            _kit.Ops.FreeMapRegisters!(_kit.Adapter, kept, 1);
        });
        Assert.Single(_kit.Kit.Log.All);
    }
}
