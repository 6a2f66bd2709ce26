namespace NetDma.ConformanceKit.Exploration;

/// <summary>What an exploration did and, when a case failed, the smallest failing case.</summary>
/// <param name="Driver">Display name of the driver under test.</param>
/// <param name="FirstSeed">The seed of the first case: <see cref="ExplorationOptions.Seed"/> reproduces the whole run.</param>
/// <param name="Capabilities">The optional handlers the generated cases used.</param>
/// <param name="CasesRun">Cases run in the search (shrink candidates not counted), from <see cref="FirstCase"/> on.</param>
/// <param name="CasesPassed">Cases that passed.</param>
/// <param name="CasesSkipped">Cases the runner skipped (the provider lacked a handler the probe had seen).</param>
/// <param name="ShrinkRuns">Shrink candidates run after the failure.</param>
/// <param name="Failure">The minimal failing case, or null when every case passed.</param>
public sealed record ExplorationResult(
    string Driver, string FirstSeed, ProviderCapabilities Capabilities, int CasesRun, int CasesPassed, int CasesSkipped,
    int ShrinkRuns, ExplorationFailure? Failure)
{
    /// <summary>The shard of the run's cases this exploration took (<see cref="ExplorationShard.Whole"/> unsharded).</summary>
    public ExplorationShard Shard { get; init; } = ExplorationShard.Whole;

    /// <summary>The 0-based index of this run's first case among the unsharded run's (0 unless sharded).</summary>
    public int FirstCase { get; init; }

    /// <summary>The cases of the unsharded run (<see cref="ExplorationOptions.Iterations"/>), of which <see cref="Shard"/> took its slice.</summary>
    public int Iterations { get; init; }

    /// <summary>
    /// How many times each rule's run-time check judged an observation over the cases that passed or were skipped
    /// (rule ID to count; the failing case's own counts are in <see cref="ExplorationFailure.Result"/>).
    /// </summary>
    public IReadOnlyDictionary<string, int> Evaluations { get; init; } = new Dictionary<string, int>();

    /// <summary>True when no case failed: the CLI's exit code 0.</summary>
    public bool Success => Failure is null;
}
