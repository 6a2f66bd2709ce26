using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4021: a DMA_OPERATIONS version 3 driver that asks for each piece with AllocateAdapterChannelEx, asking
/// for the next piece before freeing the previous piece's map registers (allowed), but passes one DmaTransferContext
/// for every request, so the next request reuses the context of one still holding its map registers
/// (nc-wdm-pallocate_adapter_channel_ex.md: "This context must be unique across all adapter allocation requests").
/// </summary>
public sealed class DuplicateTransferContextDriver : BrokenWdmDriver
{
    private readonly object _transferContext = new();

    protected override bool FreeBeforeNextPiece => false;

    protected override DeviceDescription Describe()
    {
        var description = base.Describe();
        description.Version = DeviceDescription.DEVICE_DESCRIPTION_VERSION3;
        description.DmaAddressWidth = 64;
        return description;
    }

    protected override NtStatus AllocateChannel(uint registers, object piece, DriverControl adapterControl) =>
        Adapter!.DmaOperations.AllocateAdapterChannelEx!(Adapter, Fdo, _transferContext, registers, 0, adapterControl, piece, out _);
}
