using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4029: a DMA_OPERATIONS version 3 driver that asks for each piece with AllocateAdapterChannelEx and a
/// Flags bit the page does not support (nc-wdm-pallocate_adapter_channel_ex.md, "-param Flags": DMA_SYNCHRONOUS_CALLBACK
/// is the one flag supported). Each call fails with STATUS_INVALID_PARAMETER and the driver fails the IRP with it.
/// </summary>
public sealed class UnsupportedChannelFlagsDriver : BrokenWdmDriver
{
    /// <summary>A bit outside DMA_SYNCHRONOUS_CALLBACK (0x1), as a driver might pass thinking it asks for a "high priority" channel.</summary>
    private const uint UnsupportedFlag = 0x2;

    protected override DeviceDescription Describe()
    {
        var description = base.Describe();
        description.Version = DeviceDescription.DEVICE_DESCRIPTION_VERSION3;
        description.DmaAddressWidth = 64;
        return description;
    }

    protected override NtStatus AllocateChannel(uint registers, object piece, DriverControl adapterControl) =>
        Adapter!.DmaOperations.AllocateAdapterChannelEx!(Adapter, Fdo, piece, registers, UnsupportedFlag, adapterControl, piece, out _);
}
