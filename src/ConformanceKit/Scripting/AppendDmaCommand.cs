using NetDma.ConformanceKit.Host;
namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>append ch0 c2</c>: NetDMA calls ProviderAppendDma to link the chain after the channel's last descriptor (nc-netdma-dma_append_handler.md).
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Channel">An allocated channel.</param>
/// <param name="Chain">A declared chain.</param>
/// <param name="Site">IRQL and CPU of the call.</param>
public sealed record AppendDmaCommand(SourceLocation Location, string Channel, string Chain, CallSite Site)
    : ScriptCommand(Location);
