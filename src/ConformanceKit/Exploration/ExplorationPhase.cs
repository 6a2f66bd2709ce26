namespace NetDma.ConformanceKit.Exploration;

/// <summary>What the explorer is doing when it reports progress.</summary>
public enum ExplorationPhase
{
    /// <summary>Running generated cases in search of a failure.</summary>
    Exploring,

    /// <summary>Running smaller cases after a failure, keeping each one that fails the same way.</summary>
    Shrinking,
}
