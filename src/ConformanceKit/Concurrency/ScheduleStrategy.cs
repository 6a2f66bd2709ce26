namespace NetDma.ConformanceKit.Concurrency;

/// <summary>How Coyote picks the next operation at each scheduling point (its exploration strategies).</summary>
public enum ScheduleStrategy
{
    /// <summary>Uniformly at random at every scheduling point (Coyote's random strategy).</summary>
    Random,

    /// <summary>
    /// Probabilistic concurrency testing: random priorities with a bounded number of priority changes (Coyote's
    /// prioritization strategy), which finds bugs needing few preemptions with a stated probability.
    /// </summary>
    Pct,
}
