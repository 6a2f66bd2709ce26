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
    /// <summary>The schedule budget of one script, per thousand schedules: one watchdog period (see <c>--timeout</c>).</summary>
    public const int SchedulesPerWatchdog = 1000;

    /// <summary>The most scheduling steps Coyote takes in one schedule before it gives up on it (a livelock bound).</summary>
    public const uint MaxSchedulingSteps = 100_000;

    /// <summary>
    /// How long the exploration of one script may run, in this process or in a worker: one <paramref name="watchdog"/>
    /// period per <see cref="SchedulesPerWatchdog"/> schedules (at least one).
    /// </summary>
    internal TimeSpan Budget(TimeSpan watchdog) =>
        watchdog * Math.Max(1, (Schedules + SchedulesPerWatchdog - 1) / SchedulesPerWatchdog);
}
