using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Concurrency;

/// <summary>Schedule exploration: the reference provider stays correct under interleavings of a concurrent block.</summary>
public sealed class ScheduleExplorationTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(60);

    internal const string AppendWhileCompleting = """
        title "append from cpu1 while the engine completes and the DPC runs on cpu0"
        platform processors=2 msix=off
        add_device
        start_device
        buffer src 8192 fill=pattern
        buffer dst 8192
        chain c1 src+0->dst+0:1024 src+1024->dst+1024:1024
        chain c2 src+2048->dst+2048:1024 src+3072->dst+3072:1024
        allocate ch0 mask=0b01
        assert_status STATUS_SUCCESS
        start ch0 c1
        concurrently
          run
          append ch0 c2 cpu=1
        end
        run
        assert_copied src+0 dst+0 4096
        free ch0
        """;

    [Fact]
    public void The_reference_provider_passes_every_schedule_of_an_append_racing_the_engine()
    {
        var result = Explore(AppendWhileCompleting, new ScheduleOptions(200, ScheduleStrategy.Random, Seed: 11));

        Assert.True(result.Outcome == ScriptOutcome.Passed, Describe(result));
        Assert.Equal(200, result.Schedules!.SchedulesRun);
        Assert.Null(result.Schedules.FailingSchedule);
    }

    internal const string AppendsOnTwoChannels = """
        title "appends on two channels issued at the same time from two processors"
        platform processors=2 msix=off
        add_device
        start_device
        buffer src 8192 fill=pattern
        buffer dst 8192
        chain c1 src+0->dst+0:512
        chain c2 src+512->dst+512:512
        chain c3 src+1024->dst+1024:512
        chain c4 src+1536->dst+1536:512
        allocate ch0 mask=0b01
        allocate ch1 mask=0b10
        start ch0 c1
        start ch1 c2
        concurrently
          append ch0 c3 cpu=0
          append ch1 c4 cpu=1
        end
        run
        assert_copied src+0 dst+0 2048
        free ch0
        free ch1
        """;

    private static readonly IDriverFactory LockOrderInversion = new TypeDriverFactory(typeof(LockOrderInversionProvider), null);

    [Fact]
    public void A_lock_order_inversion_is_found_as_a_deadlock_within_1000_schedules_and_replays_from_its_trace()
    {
        var found = Explore(AppendsOnTwoChannels, new ScheduleOptions(1000, ScheduleStrategy.Random, Seed: 3), LockOrderInversion);

        Assert.True(found.Outcome == ScriptOutcome.Failed, Describe(found));
        var deadlock = Assert.Single(found.Violations, v => v.Actual.StartsWith("deadlock:", StringComparison.Ordinal));
        Assert.Equal("NDMA2003", deadlock.Rule.Id);
        Assert.Contains("cpu0", deadlock.Actual, StringComparison.Ordinal);
        Assert.Contains("cpu1", deadlock.Actual, StringComparison.Ordinal);
        Assert.Contains(deadlock.Location!.Value.Line, new[] { 16, 17 }); // reported at the append whose wait closed the cycle
        Assert.NotNull(found.Schedules!.Trace);

        var replayed = Explore(AppendsOnTwoChannels, new ScheduleOptions(1, ReplayTrace: found.Schedules.Trace), LockOrderInversion);
        Assert.Equal(ScriptOutcome.Failed, replayed.Outcome);
        Assert.Equal(deadlock.Actual, Assert.Single(replayed.Violations, v => v.Actual.StartsWith("deadlock:", StringComparison.Ordinal)).Actual);
    }

    [Fact]
    public void One_call_at_a_time_the_lock_order_inversion_passes_which_is_why_schedules_are_explored()
    {
        using var runner = new InProcessScriptRunner(LockOrderInversion, Watchdog);
        var sequential = runner.Run(ScriptParser.Parse(AppendsOnTwoChannels, "concurrent.ndma"));

        Assert.True(sequential.Outcome == ScriptOutcome.Passed, Describe(sequential));
        Assert.Null(sequential.Schedules);
    }

    [Fact]
    public void The_reference_provider_passes_every_schedule_of_appends_on_two_channels()
    {
        var result = Explore(AppendsOnTwoChannels, new ScheduleOptions(300, ScheduleStrategy.Pct, Seed: 5));

        Assert.True(result.Outcome == ScriptOutcome.Passed, Describe(result));
        Assert.Equal(300, result.Schedules!.SchedulesRun);
    }

    /// <summary>
    /// A fixed-seed sample of what <c>.ci/run</c> sweeps at length: every bundled script, 20 schedules each. A failure
    /// prints the script, the schedule and its seed (replay with <c>netdma-kit run --schedules 20 --seed 1</c>).
    /// </summary>
    [Fact]
    public void Every_bundled_script_passes_a_sample_of_schedules_with_the_reference_drivers()
    {
        using var runner = new InProcessScriptRunner(DriverRunners.ReferenceDrivers, Watchdog, schedules: new ScheduleOptions(20, ScheduleStrategy.Random, Seed: 1));
        var report = ConformanceRun.Run(BundledScripts.ConformanceFiles, runner);

        var failed = report.Scripts.Where(s => s.Outcome == ScriptOutcome.Failed).Select(s => $"{s.Name}: {Describe(s)}").ToList();
        Assert.True(failed.Count == 0, string.Join("\n\n", failed));
        Assert.All(report.Scripts.Where(s => s.Outcome == ScriptOutcome.Passed), s => Assert.Equal(20, s.Schedules!.SchedulesRun));
    }

    internal const string OneAllocation = """
        title "one allocation"
        add_device
        start_device
        allocate ch0 mask=0b01
        assert_status STATUS_SUCCESS
        free ch0
        """;

    [Fact]
    public void A_schedule_that_never_returns_is_reported_as_a_hang_under_its_watchdog()
    {
        var drivers = new TypeDriverFactory(typeof(HangingProvider), null);
        using var runner = new InProcessScriptRunner(drivers, TimeSpan.FromSeconds(1), schedules: new ScheduleOptions(50, ScheduleStrategy.Random, Seed: 1));

        var result = runner.Run(ScriptParser.Parse(OneAllocation, "hang.ndma"));

        Assert.Equal(ScriptOutcome.Failed, result.Outcome);
        var hang = Assert.Single(result.Violations);
        Assert.Equal("NDMA2003", hang.Rule.Id);
        Assert.Contains("ProviderAllocateDmaChannel", hang.Actual);
    }

    [Fact]
    public void The_watchdog_bounds_each_schedule_not_the_whole_sweep()
    {
        // 60 schedules of at least 40 ms each outlast the 2 s watchdog together; none comes near it alone.
        var drivers = new TypeDriverFactory(typeof(SlowAllocateProvider), null);
        var watchdog = TimeSpan.FromSeconds(2);
        using var runner = new InProcessScriptRunner(drivers, watchdog, schedules: new ScheduleOptions(60, ScheduleStrategy.Random, Seed: 1));

        var result = runner.Run(ScriptParser.Parse(OneAllocation, "slow.ndma"));

        Assert.True(result.Outcome == ScriptOutcome.Passed, Describe(result));
        Assert.Equal(60, result.Schedules!.SchedulesRun);
        Assert.True(result.Duration > watchdog, $"the sweep took {result.Duration}, so it did not test the sweep outlasting the watchdog");
    }

    internal static ScriptResult Explore(string text, ScheduleOptions options, IDriverFactory? drivers = null)
    {
        using var runner = new InProcessScriptRunner(drivers ?? DriverRunners.ReferenceDrivers, Watchdog, schedules: options);
        return runner.Run(ScriptParser.Parse(text, "concurrent.ndma"));
    }

    internal static string Describe(ScriptResult result) =>
        $"{result.Outcome} {result.Schedules}: " + string.Join("\n", result.Failures.Select(f => $"{f.Location} {f.Title}: {f.Message}"))
        + "\n" + string.Join("\n", result.Violations.SelectMany(v => v.CallSequence));
}
