namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>run</c> | <c>run steps=100</c>: let the simulated hardware, interrupts and DPCs run until everything is idle,
/// or until <see cref="MaxSteps"/> steps have run.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="MaxSteps">The most steps to run, 1 .. int.MaxValue (default <see cref="DefaultMaxSteps"/>).</param>
public sealed record RunCommand(SourceLocation Location, int MaxSteps)
    : ScriptCommand(Location)
{
    /// <summary>Steps when the script has no <c>steps=</c>.</summary>
    public const int DefaultMaxSteps = 10000;
}
