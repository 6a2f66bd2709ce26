namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>assert_cpu ch0 2</c>: the CpuNumber the provider reported for the channel is <see cref="Cpu"/>.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Channel">A channel allocated earlier in the script.</param>
/// <param name="Cpu">The expected CPU number, 0 .. processors-1.</param>
public sealed record AssertCpuCommand(SourceLocation Location, string Channel, uint Cpu)
    : ScriptCommand(Location);
