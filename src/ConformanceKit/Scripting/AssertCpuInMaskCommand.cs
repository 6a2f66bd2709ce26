namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>assert_cpu_in_mask ch0</c>: the CpuNumber the provider reported for the channel is an active CPU whose bit is
/// set in the ProcessorAffinityMask it was allocated with (ns-netdma-_net_dma_channel_parameters.md).
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Channel">A channel allocated earlier in the script.</param>
public sealed record AssertCpuInMaskCommand(SourceLocation Location, string Channel)
    : ScriptCommand(Location);
