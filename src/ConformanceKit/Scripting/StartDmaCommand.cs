using NetDma.ConformanceKit.Host;
namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>start ch0 c1</c>: NetDMA calls ProviderStartDma with the chain's first descriptor and its descriptor count
/// (nc-netdma-dma_start_handler.md).
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Channel">An allocated channel.</param>
/// <param name="Chain">A declared chain.</param>
/// <param name="Site">IRQL and CPU of the call.</param>
public sealed record StartDmaCommand(SourceLocation Location, string Channel, string Chain, CallSite Site)
    : ScriptCommand(Location);
