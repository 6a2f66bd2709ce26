using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Tests.Running;

/// <summary>
/// Where a recorder puts a hang (NDMA2003) or a death (NDMA2002) that happens inside a <c>concurrently</c> block: at the
/// lane of the thread that entered the routine named (the one entered last), with the routines other processors were
/// running then named beside it; at the block's only lane in flight when no routine runs; at the block's line when
/// several lanes are in flight and none of them is inside driver code. Routines of different threads do not nest: one
/// returning on one thread leaves the other's running. Thread IDs here are arbitrary numbers, as a worker's are to the
/// kit process.
/// </summary>
public sealed class ScriptRecorderLaneTests
{
    private const string File = "lanes.ndma";

    private static readonly Script Script = ScriptParser.Parse("""
        title "lanes"
        platform processors=2 msix=off
        add_device
        start_device
        buffer src 4096 fill=pattern
        buffer dst 4096
        chain c1 src+0->dst+0:512
        chain c2 src+512->dst+512:512
        allocate ch0 mask=0b01
        allocate ch1 mask=0b10
        concurrently
          start ch0 c1 cpu=0
          start ch1 c2 cpu=1
        end
        """, File);

    private static readonly SourceLocation Block = new(File, 11, 1);
    private static readonly SourceLocation LaneOnCpu0 = new(File, 12, 3);
    private static readonly SourceLocation LaneOnCpu1 = new(File, 13, 3);

    private const int Cpu0Thread = 41;
    private const int Cpu1Thread = 42;

    [Fact]
    public void A_death_while_both_lanes_run_driver_code_is_at_the_lane_that_entered_last_and_names_the_other()
    {
        var recorder = InBlock();
        recorder.RoutineEntered(Entry(0, "ProviderStartDma"), traced: true, Cpu0Thread);
        recorder.RoutineEntered(Entry(1, "ProviderStartDma"), traced: true, Cpu1Thread);

        var death = Single(recorder.Crashed("exit code 134 (SIGABRT)", TimeSpan.Zero), StatusRules.CallbackReturns);

        Assert.Equal(LaneOnCpu1, death.Location);
        Assert.StartsWith("the worker process died during: cpu1 DISPATCH_LEVEL NetDMA -> ProviderStartDma (also running on other processors then: cpu0 DISPATCH_LEVEL NetDMA -> ProviderStartDma)", death.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void A_routine_returning_on_one_thread_leaves_the_other_threads_routine_running()
    {
        var recorder = InBlock();
        recorder.RoutineEntered(Entry(0, "ProviderStartDma"), traced: true, Cpu0Thread);
        recorder.RoutineEntered(Entry(1, "ProviderStartDma"), traced: true, Cpu1Thread);
        recorder.RoutineLeft(returned: true, Cpu0Thread); // cpu0's returns after cpu1's was entered: not the innermost of the list

        var hang = Single(recorder.Hung(TimeSpan.FromSeconds(3), "the worker process was killed", TimeSpan.Zero), StatusRules.CallbackTerminates);

        Assert.Equal(LaneOnCpu1, hang.Location);
        Assert.StartsWith("no return from: cpu1 DISPATCH_LEVEL NetDMA -> ProviderStartDma; ", hang.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_routine_running_a_death_is_at_the_only_lane_in_flight_or_at_the_block()
    {
        var oneLane = InBlock();
        oneLane.LaneEnded(Cpu0Thread);
        Assert.Equal(LaneOnCpu1, Single(oneLane.Crashed("killed", TimeSpan.Zero), StatusRules.CallbackReturns).Location);

        var twoLanes = InBlock();
        var death = Single(twoLanes.Crashed("killed", TimeSpan.Zero), StatusRules.CallbackReturns);
        Assert.Equal(Block, death.Location);
        Assert.StartsWith("the worker process died between driver calls", death.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_a_block_a_death_is_at_the_command_even_on_a_thread_that_once_ran_a_lane()
    {
        var recorder = InBlock();
        recorder.LaneEnded(Cpu0Thread);
        recorder.LaneEnded(Cpu1Thread);
        var free = new SourceLocation(File, 15, 1);
        recorder.CommandStarted(free);
        recorder.RoutineEntered(Entry(0, "ProviderFreeDmaChannel"), traced: true, Cpu0Thread);

        Assert.Equal(free, Single(recorder.Crashed("killed", TimeSpan.Zero), StatusRules.CallbackReturns).Location);
    }

    // The block's command started and both its lanes with it, on their threads.
    private static ScriptRecorder InBlock()
    {
        var recorder = new ScriptRecorder(Script);
        recorder.CommandStarted(Block);
        recorder.LaneStarted(LaneOnCpu0, Cpu0Thread);
        recorder.LaneStarted(LaneOnCpu1, Cpu1Thread);
        return recorder;
    }

    private static TraceEntry Entry(uint cpu, string routine) =>
        new("{0} NetDMA -> {1}", TraceValue.Processor(cpu, Contracts.Annotations.Irql.DISPATCH_LEVEL), TraceValue.Text(routine));

    private static Violation Single(ScriptResult result, Rule rule) => Assert.Single(result.Violations, v => v.Rule.Id == rule.Id);
}
