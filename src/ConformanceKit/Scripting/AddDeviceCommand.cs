namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>add_device</c>: the PnP manager calls the driver's AddDevice at PASSIVE_LEVEL (a NetDMA provider calls
/// NetDmaRegisterProvider there; nf-netdma-netdmaregisterprovider.md).
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
public sealed record AddDeviceCommand(SourceLocation Location)
    : ScriptCommand(Location);
