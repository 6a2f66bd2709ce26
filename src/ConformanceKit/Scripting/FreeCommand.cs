using NetDma.ConformanceKit.Host;
namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>free ch0</c>: NetDMA calls ProviderFreeDmaChannel (nc-netdma-dma_channel_free_handler.md); afterwards the
/// name may be allocated again.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Channel">An allocated channel.</param>
/// <param name="Site">IRQL and CPU of the call.</param>
public sealed record FreeCommand(SourceLocation Location, string Channel, CallSite Site)
    : ScriptCommand(Location);
