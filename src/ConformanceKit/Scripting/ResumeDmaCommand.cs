using NetDma.ConformanceKit.Host;
namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>resume ch0</c>: NetDMA calls ProviderResumeDma (nc-netdma-dma_resume_handler.md).
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Channel">An allocated channel.</param>
/// <param name="Site">IRQL and CPU of the call.</param>
public sealed record ResumeDmaCommand(SourceLocation Location, string Channel, CallSite Site)
    : ScriptCommand(Location);
