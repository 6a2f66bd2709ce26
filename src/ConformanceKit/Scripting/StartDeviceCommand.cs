namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>start_device</c>: IRP_MN_START_DEVICE at PASSIVE_LEVEL (a NetDMA provider calls NetDmaProviderStart; nf-netdma-netdmaproviderstart.md).
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
public sealed record StartDeviceCommand(SourceLocation Location)
    : ScriptCommand(Location);
