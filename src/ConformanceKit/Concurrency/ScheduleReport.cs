namespace NetDma.ConformanceKit.Concurrency;

/// <summary>What schedule exploration of one script did: the schedules it ran and, on a failure, how to replay it.</summary>
/// <param name="SchedulesRun">Schedules run (up to and including the first failing one).</param>
/// <param name="Strategy">The Coyote strategy.</param>
/// <param name="Seed">The strategy's seed.</param>
/// <param name="FailingSchedule">The 1-based number of the first failing schedule, or null when every schedule passed.</param>
/// <param name="Trace">Coyote's reproducible trace of the failing schedule (replay it with <c>run --replay</c>), or null.</param>
public sealed record ScheduleReport(int SchedulesRun, ScheduleStrategy Strategy, uint Seed, int? FailingSchedule, string? Trace)
{
    /// <summary>One line for reports: <c>3 of 1000 schedules (random, seed 7): schedule 3 failed</c>.</summary>
    public override string ToString() =>
        $"{SchedulesRun} schedule(s), {Strategy.ToString().ToLowerInvariant()} strategy, seed {Seed}: "
        + (FailingSchedule is { } failing ? $"schedule {failing} failed" : "all passed");
}
