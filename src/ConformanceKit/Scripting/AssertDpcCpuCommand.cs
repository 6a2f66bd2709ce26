namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>assert_dpc_cpu ch0</c>: every interrupt DPC of the channel so far ran on the CpuNumber the provider reported
/// (nc-netdma-dma_channel_allocate_handler.md).
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Channel">A channel allocated earlier in the script.</param>
public sealed record AssertDpcCpuCommand(SourceLocation Location, string Channel)
    : ScriptCommand(Location);
