namespace NetDma.ConformanceKit.Concurrency;

/// <summary>What schedule exploration of one script did: the schedules it ran and, on a failure, how to replay it.</summary>
/// <param name="SchedulesRun">Schedules run (up to and including the first failing one).</param>
/// <param name="Strategy">The Coyote strategy.</param>
/// <param name="Seed">The strategy's seed.</param>
/// <param name="FailingSchedule">The 1-based number of the first failing schedule, or null when every schedule passed.</param>
/// <param name="Trace">Coyote's reproducible trace of the failing schedule (replay it with <c>run --replay</c>), or null.</param>
public sealed record ScheduleReport(int SchedulesRun, ScheduleStrategy Strategy, uint Seed, int? FailingSchedule, string? Trace)
{
    /// <summary>
    /// Coyote's count of the scheduling steps the schedules took (fair and unfair), for the benchmarks' cost per
    /// schedule: each step is one decision of Coyote's scheduler, and most of a schedule's time is the thread hand-offs
    /// of the steps that switch (docs/performance.md, "Schedule exploration").
    /// </summary>
    internal long ScheduledSteps { get; init; }

    /// <summary>
    /// Equal when what the report says is equal: the step count is a cost, not part of the result (a worker's report,
    /// which does not carry it, equals the in-process one for the same seed).
    /// </summary>
    /// <param name="other">The report to compare with.</param>
    /// <returns>True when the schedules run, strategy, seed, failing schedule and trace are equal.</returns>
    public bool Equals(ScheduleReport? other) =>
        other is not null && SchedulesRun == other.SchedulesRun && Strategy == other.Strategy && Seed == other.Seed
        && FailingSchedule == other.FailingSchedule && Trace == other.Trace;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(SchedulesRun, Strategy, Seed, FailingSchedule, Trace);

    /// <summary>One line for reports: <c>3 of 1000 schedules (random, seed 7): schedule 3 failed</c>.</summary>
    public override string ToString() =>
        $"{SchedulesRun} schedule(s), {Strategy.ToString().ToLowerInvariant()} strategy, seed {Seed}: "
        + (FailingSchedule is { } failing ? $"schedule {failing} failed" : "all passed");
}
