namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>stop_device</c>: IRP_MN_STOP_DEVICE at PASSIVE_LEVEL (a NetDMA provider calls NetDmaProviderStop, and NetDMA
/// frees every channel; nf-netdma-netdmaproviderstop.md).
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
public sealed record StopDeviceCommand(SourceLocation Location)
    : ScriptCommand(Location);
