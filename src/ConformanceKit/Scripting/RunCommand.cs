namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>run</c>: let the simulated hardware, interrupts and DPCs run until everything is idle; an engine still busy after
/// <see cref="IdleBound"/> steps is reported as NDMA2003 (it never finishes the descriptors it was given).
/// <c>run steps=2</c>: run at most that many engine steps and stop there, busy or not (to suspend or abort a channel
/// in the middle of a chain).
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Steps">The most engine steps for a partial run (1 .. int.MaxValue), or null to run until idle.</param>
public sealed record RunCommand(SourceLocation Location, int? Steps)
    : ScriptCommand(Location)
{
    /// <summary>How many steps a <c>run</c> without <c>steps=</c> allows before it declares the engine hung.</summary>
    public const int IdleBound = 100_000;
}
