namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>surprise_remove</c>: the device leaves the bus without warning (unplugged or failed), as before
/// IRP_MN_SURPRISE_REMOVAL: from now on its DMA fails and it raises no interrupt, and NetDMA stops waiting for DMA
/// operations outstanding on its channels (none can complete). The PnP manager then sends only IRP_MN_REMOVE_DEVICE,
/// with no IRP_MN_STOP_DEVICE before it, so the script's next PnP command is <c>remove_device</c>: a provider removed
/// while started calls NetDmaProviderStop before NetDmaDeregisterProvider while handling it
/// (nf-netdma-netdmaderegisterprovider.md) and leaks nothing.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
public sealed record SurpriseRemoveCommand(SourceLocation Location)
    : ScriptCommand(Location);
