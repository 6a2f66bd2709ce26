using NetDma.ConformanceKit.Host;
namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>reset ch0</c>: NetDMA calls ProviderResetChannel (nc-netdma-dma_reset_handler.md).
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Channel">An allocated channel.</param>
/// <param name="Site">IRQL and CPU of the call.</param>
public sealed record ResetChannelCommand(SourceLocation Location, string Channel, CallSite Site)
    : ScriptCommand(Location);
