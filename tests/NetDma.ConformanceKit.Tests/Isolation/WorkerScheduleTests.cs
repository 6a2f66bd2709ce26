using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;
using NetDma.ConformanceKit.Tests.Concurrency;

namespace NetDma.ConformanceKit.Tests.Isolation;

/// <summary>
/// Schedule exploration inside the worker process (<c>--schedules</c> without <c>--in-process</c>): the worker runs the
/// in-process explorer, so a script gives the same result there as here for the same seed (the same schedules, the
/// same failing schedule, the same Coyote trace and per-CPU timeline), a trace from the worker replays in a worker,
/// and a provider that kills its process on a path only an interleaving reaches is NDMA2002 on that schedule while
/// the run goes on in a fresh worker. Fixed seeds throughout; each assertion message names the schedule report.
/// </summary>
public sealed class WorkerScheduleTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(60);

    [Fact]
    public void Under_schedules_the_reference_provider_passes_in_a_worker_with_the_in_process_result()
    {
        var options = new ScheduleOptions(200, ScheduleStrategy.Pct, Seed: 5);
        using var worker = WorkerTestKit.ForReference(options);

        var isolated = worker.Run(ScriptParser.Parse(ScheduleExplorationTests.AppendsOnTwoChannels, "concurrent.ndma"));
        var inProcess = ScheduleExplorationTests.Explore(ScheduleExplorationTests.AppendsOnTwoChannels, options);

        Assert.True(isolated.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(isolated));
        Assert.Equal(inProcess.Schedules, isolated.Schedules);
        Assert.Equal(200, isolated.Schedules!.SchedulesRun);
        Assert.Equal(Describe(inProcess), Describe(isolated));
        Assert.Equal(1, worker.WorkersStarted);
    }

    [Fact]
    public void Under_schedules_a_planted_race_in_a_worker_fails_on_the_in_process_schedule_with_its_trace_and_timeline_and_replays_there()
    {
        var race = PlantedRace.Named("check-then-act on a counter");
        var options = new ScheduleOptions(1000, ScheduleStrategy.Random, race.Seed);
        var script = ScriptParser.Parse(race.Script, "concurrent.ndma");

        ScriptResult isolated;
        using (var worker = WorkerTestKit.For(race.Provider, Watchdog, options))
        {
            isolated = worker.Run(script);
        }

        var inProcess = ScheduleExplorationTests.Explore(race.Script, options, race.Drivers);

        Assert.True(isolated.Outcome == ScriptOutcome.Failed, $"seed {race.Seed}: {ScheduleExplorationTests.Describe(isolated)}");
        Assert.Equal(inProcess.Schedules, isolated.Schedules); // the same failing schedule and the same Coyote trace text
        var violation = Assert.Single(isolated.Violations, race.IsTheBug);
        Assert.NotNull(violation.Timeline);
        Assert.Equal(Describe(inProcess), Describe(isolated)); // Details: the call sequence and the per-CPU timeline

        // What run --replay does with the trace file the kit process wrote from the worker's text.
        using var replay = WorkerTestKit.For(race.Provider, Watchdog, new ScheduleOptions(1, ReplayTrace: isolated.Schedules!.Trace));
        var replayed = replay.Run(script);
        Assert.Equal(ScriptOutcome.Failed, replayed.Outcome);
        Assert.Equal(violation.Details, Assert.Single(replayed.Violations, race.IsTheBug).Details);
    }

    [Fact]
    public void A_provider_that_kills_its_process_only_when_interleaved_is_NDMA2002_on_its_schedule_and_the_run_goes_on()
    {
        using var worker = WorkerTestKit.For(typeof(InterleavedFailFastProvider), Watchdog, new ScheduleOptions(100, ScheduleStrategy.Random, Seed: 1));

        var crashed = worker.Run(ScriptParser.Parse(ScheduleExplorationTests.AppendsOnTwoChannels, "concurrent.ndma"));
        var following = worker.Run(IsolationScripts.Following);

        Assert.True(crashed.Outcome == ScriptOutcome.Failed, ScheduleExplorationTests.Describe(crashed));
        var death = Assert.Single(crashed.Violations, v => v.Rule.Id == StatusRules.CallbackReturns.Id);
        Assert.Contains("the worker process died during:", death.Actual, StringComparison.Ordinal);
        Assert.Contains("ProviderAppendDma", death.Actual, StringComparison.Ordinal);
        Assert.Contains(InterleavedFailFastProvider.Message, death.Actual, StringComparison.Ordinal);
        // At the lane whose append found the other running: line 16 issues it from cpu0, line 17 from cpu1 (the
        // concurrently block is line 15). The other append, in flight too, is named beside it.
        var dying = System.Text.RegularExpressions.Regex.Match(death.Actual, @"died during: cpu(?<cpu>[01]) ");
        Assert.True(dying.Success, death.Actual);
        Assert.Equal(16 + int.Parse(dying.Groups["cpu"].Value, System.Globalization.CultureInfo.InvariantCulture), death.Location!.Value.Line);
        Assert.Contains("also running on other processors then: cpu" + (dying.Groups["cpu"].Value == "0" ? "1" : "0"), death.Actual, StringComparison.Ordinal);
        Assert.Contains(death.CallSequence, c => c.Contains("ProviderAppendDma", StringComparison.Ordinal));
        // The schedule it died in, by number (no Coyote trace survives a process that died mid-schedule).
        var schedules = Assert.IsType<ScheduleReport>(crashed.Schedules);
        Assert.Equal(schedules.SchedulesRun, schedules.FailingSchedule);
        Assert.Null(schedules.Trace);

        Assert.True(following.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(following));
        Assert.Equal(2, worker.WorkersStarted);
    }

    [Fact]
    public void A_provider_that_spins_under_schedules_is_NDMA2003_its_worker_is_killed_and_the_run_goes_on()
    {
        using var worker = WorkerTestKit.For(typeof(SpinningProvider), TimeSpan.FromSeconds(2), new ScheduleOptions(10, ScheduleStrategy.Random, Seed: 1));

        var hung = worker.Run(IsolationScripts.Crash);
        var following = worker.Run(IsolationScripts.Following);

        var failure = Assert.Single(hung.Failures, f => f.Step == ScriptExecutionSteps.DriverHung);
        Assert.Contains(StatusRules.CallbackTerminates.Id, failure.RuleIds);
        Assert.Contains("ProviderAllocateDmaChannel", failure.Message, StringComparison.Ordinal);
        Assert.Contains("the worker process was killed after a schedule ran 2 s", failure.Message, StringComparison.Ordinal);
        Assert.Equal(IsolationScripts.AllocateLine, failure.Location.Line);
        Assert.Equal(1, hung.Schedules!.FailingSchedule);
        Assert.True(System.Diagnostics.Process.GetProcesses().All(p => p.Id != worker.WorkerProcessIds[0]), "the spinning worker was killed");

        Assert.True(following.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(following));
        Assert.Equal(10, following.Schedules!.SchedulesRun);
        Assert.Equal(2, worker.WorkersStarted);
    }

    [Fact]
    public void In_a_worker_the_watchdog_bounds_each_schedule_not_the_whole_sweep()
    {
        // 100 schedules of at least 40 ms each outlast the 3 s watchdog together; none comes near it alone (the margin
        // covers the event stream's delay on a loaded machine: the kit sees a schedule start when its event arrives).
        var watchdog = TimeSpan.FromSeconds(3);
        using var worker = WorkerTestKit.For(typeof(SlowAllocateProvider), watchdog, new ScheduleOptions(100, ScheduleStrategy.Random, Seed: 1));

        var result = worker.Run(ScriptParser.Parse(ScheduleExplorationTests.OneAllocation, "slow.ndma"));

        Assert.True(result.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(result));
        Assert.Equal(100, result.Schedules!.SchedulesRun);
        Assert.True(result.Duration > watchdog, $"the sweep took {result.Duration}, so it did not test the sweep outlasting the watchdog");
        Assert.Equal(1, worker.WorkersStarted);
    }

    [Fact]
    public void One_call_at_a_time_the_interleaved_fail_fast_provider_passes_in_a_worker()
    {
        using var worker = WorkerTestKit.For<InterleavedFailFastProvider>();

        var sequential = worker.Run(ScriptParser.Parse(ScheduleExplorationTests.AppendsOnTwoChannels, "concurrent.ndma"));

        Assert.True(sequential.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(sequential));
        Assert.Equal(1, worker.WorkersStarted);
    }

    private static IEnumerable<string> Describe(ScriptResult result) =>
        result.Checks.Select(c => $"{c.Location} {c.Step} {c.Passed} [{string.Join(",", c.RuleIds)}] {c.Message}")
            .Concat(result.Violations.Select(v => v.Details));
}
