namespace NetDma.ConformanceKit.Concurrency;

/// <summary>
/// Schedule exploration of a script: how many schedules (interleavings of the simulated processors and the hardware)
/// to try, with which Coyote strategy and seed, or the one recorded schedule to replay.
/// </summary>
/// <param name="Schedules">Schedules per script, at least 1 (0 means sequential mode and is not an exploration).</param>
/// <param name="Strategy">How the next operation is picked at each scheduling point.</param>
/// <param name="Seed">Seed of the strategy's random choices: the same seed explores the same schedules.</param>
/// <param name="ReplayTrace">A Coyote reproducible trace (<see cref="ScheduleReport.Trace"/>) to replay instead of exploring.</param>
public sealed record ScheduleOptions(int Schedules, ScheduleStrategy Strategy = ScheduleStrategy.Random, uint Seed = 0, string? ReplayTrace = null)
{
    /// <summary>
    /// The default of <see cref="MaxSteps"/>: the most scheduling steps of one schedule under an unfair strategy (Coyote
    /// allows ten times as many under a fair one, such as random and fair PCT) before the schedule is a livelock.
    /// </summary>
    public const uint MaxSchedulingSteps = 100_000;

    /// <summary>
    /// The step bound of one schedule (<see cref="MaxSchedulingSteps"/> unless lowered, e.g. by a test of the bound
    /// itself). A schedule that reaches it has a processor that made no progress, a livelock or an unbounded spin:
    /// NDMA2003, and the schedule is replayable like any other failure.
    /// </summary>
    public uint MaxSteps { get; init; } = MaxSchedulingSteps;
}
