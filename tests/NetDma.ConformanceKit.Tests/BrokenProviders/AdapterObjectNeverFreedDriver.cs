using NetDma.ConformanceKit.Wdm;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4022: a DMA_OPERATIONS version 3 driver that allocates each piece's resources with
/// AllocateAdapterChannelEx(DMA_SYNCHRONOUS_CALLBACK) and no ExecutionRoutine, maps and programs the device itself,
/// flushes when the device is done, but never calls FreeAdapterObject (nc-wdm-pallocate_adapter_channel_ex.md: "the
/// driver must call FreeAdapterObject after it finishes using the allocated resources"). The adapter object stays
/// allocated; the next piece's synchronous request finds the channel busy and fails.
/// </summary>
public sealed class AdapterObjectNeverFreedDriver : BrokenWdmDriver
{
    protected override DeviceDescription Describe()
    {
        var description = base.Describe();
        description.Version = DeviceDescription.DEVICE_DESCRIPTION_VERSION3;
        description.DmaAddressWidth = 64;
        return description;
    }

    protected override NtStatus AllocateChannel(uint registers, object piece, DriverControl adapterControl)
    {
        var status = Adapter!.DmaOperations.AllocateAdapterChannelEx!(Adapter, Fdo, piece, registers,
            SimulatedDmaAdapter.DMA_SYNCHRONOUS_CALLBACK, null, null, out var mapRegisterBase);
        if (NtStatusFacts.NT_SUCCESS(status))
        {
            // No AdapterControl: the driver uses the resources right after the call returns.
            _ = adapterControl(Fdo, Fdo.CurrentIrp, mapRegisterBase!.Value, piece);
        }

        return status;
    }

    // Correct: ((PFreeAdapterObject)Adapter!.DmaOperations.FreeAdapterObject!)(Adapter, IoAllocationAction.DeallocateObject).
    protected override void FreeRegisters(MapRegisterBase mapRegisterBase, uint count)
    {
    }
}
