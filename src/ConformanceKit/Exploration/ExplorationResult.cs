namespace NetDma.ConformanceKit.Exploration;

/// <summary>What an exploration did and, when a case failed, the smallest failing case.</summary>
/// <param name="Driver">Display name of the driver under test.</param>
/// <param name="FirstSeed">The seed of the first case: <see cref="ExplorationOptions.Seed"/> reproduces the whole run.</param>
/// <param name="Capabilities">The optional handlers the generated cases used.</param>
/// <param name="CasesRun">Cases run in the search (shrink candidates not counted).</param>
/// <param name="CasesPassed">Cases that passed.</param>
/// <param name="CasesSkipped">Cases the runner skipped (the provider lacked a handler the probe had seen).</param>
/// <param name="ShrinkRuns">Shrink candidates run after the failure.</param>
/// <param name="Failure">The minimal failing case, or null when every case passed.</param>
public sealed record ExplorationResult(
    string Driver, string FirstSeed, ProviderCapabilities Capabilities, int CasesRun, int CasesPassed, int CasesSkipped,
    int ShrinkRuns, ExplorationFailure? Failure)
{
    /// <summary>True when no case failed: the CLI's exit code 0.</summary>
    public bool Success => Failure is null;
}
