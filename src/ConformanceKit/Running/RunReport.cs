namespace NetDma.ConformanceKit.Running;

/// <summary>The results of a conformance run: the driver under test and one result per script, in run order.</summary>
/// <param name="Driver">Display name of the driver under test.</param>
/// <param name="Scripts">One result per script.</param>
public sealed record RunReport(string Driver, IReadOnlyList<ScriptResult> Scripts)
{
    /// <summary>The faults injected into every script (<c>--faults</c>), or null for a run without; a script's own <c>fault</c> commands come on top.</summary>
    public Faults.FaultSpec? Faults { get; init; }

    /// <summary>
    /// For the report of an exploration (<c>explore</c>, or shards of one merged by <c>netdma-kit merge</c>): which run
    /// and which of its shards the report covers; null for a run of scripts.
    /// </summary>
    public Exploration.ExploredCases? Exploration { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public DateTimeOffset StartTime { get; init; }

    /// <summary>When the run ended (UTC).</summary>
    public DateTimeOffset EndTime { get; init; }

    /// <summary>How long the run took, start to end.</summary>
    public TimeSpan Duration => EndTime - StartTime;

    /// <summary>Scripts that passed.</summary>
    public int Passed => Scripts.Count(s => s.Outcome == ScriptOutcome.Passed);

    /// <summary>Scripts that failed.</summary>
    public int Failed => Scripts.Count(s => s.Outcome == ScriptOutcome.Failed);

    /// <summary>Scripts that were skipped.</summary>
    public int Skipped => Scripts.Count(s => s.Outcome == ScriptOutcome.Skipped);

    /// <summary>How many times each rule's run-time check was evaluated over every script (rule ID to count).</summary>
    public IReadOnlyDictionary<string, int> Evaluations
    {
        get
        {
            var total = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (rule, count) in Scripts.SelectMany(s => s.Evaluations))
            {
                total[rule] = total.GetValueOrDefault(rule) + count;
            }

            return total;
        }
    }

    /// <summary>True when no script failed: the CLI's exit code 0.</summary>
    public bool Success => Failed == 0;
}
