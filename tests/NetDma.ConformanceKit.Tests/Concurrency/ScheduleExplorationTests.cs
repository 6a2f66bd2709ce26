using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;

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

    internal static ScriptResult Explore(string text, ScheduleOptions options, IDriverFactory? drivers = null)
    {
        using var runner = new InProcessScriptRunner(drivers ?? DriverRunners.ReferenceDrivers, Watchdog, schedules: options);
        return runner.Run(ScriptParser.Parse(text, "concurrent.ndma"));
    }

    internal static string Describe(ScriptResult result) =>
        $"{result.Outcome} {result.Schedules}: " + string.Join("\n", result.Failures.Select(f => $"{f.Location} {f.Title}: {f.Message}"))
        + "\n" + string.Join("\n", result.Violations.SelectMany(v => v.CallSequence));
}
