namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>remove_device</c>: IRP_MN_REMOVE_DEVICE at PASSIVE_LEVEL (a NetDMA provider calls NetDmaDeregisterProvider;
/// nf-netdma-netdmaderegisterprovider.md).
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
public sealed record RemoveDeviceCommand(SourceLocation Location)
    : ScriptCommand(Location);
