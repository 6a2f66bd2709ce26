using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;

namespace NetDma.ConformanceKit.Tests.Concurrency;

/// <summary>
/// Schedules Coyote ends before the script does. A deadlock of rewritten provider code on two .NET locks taken in
/// opposite orders (every controlled operation paused, none on a spin-lock cycle the kernel would have seen) is NDMA2003
/// naming both processors with the lock each holds and the one it waits for, not a crash (NDMA2002) of the
/// ThreadInterruptedException Coyote ends the schedule with; the twin that takes the locks in one order is silent; a
/// lock held across a <c>Monitor.Wait</c> for a pulse only the other processor sends is named as such. A
/// provider that spins forever reaches the schedule's step bound: NDMA2003 as a processor that made no progress.
/// </summary>
public sealed class ScheduleEndTests
{
    /// <summary><see cref="ScheduleExplorationTests.AppendsOnTwoChannels"/> with the appends at PASSIVE_LEVEL, where a .NET lock is allowed.</summary>
    internal static readonly string PassiveAppendsOnTwoChannels = ScheduleExplorationTests.AppendsOnTwoChannels
        .Replace("append ch0 c3 cpu=0", "append ch0 c3 irql=PASSIVE_LEVEL cpu=0", StringComparison.Ordinal)
        .Replace("append ch1 c4 cpu=1", "append ch1 c4 irql=PASSIVE_LEVEL cpu=1", StringComparison.Ordinal);

    private static IDriverFactory Rewritten<T>() => RewritingTests.RewrittenCopyOf(typeof(T));

    [Fact]
    public void A_deadlock_on_two_dotnet_locks_is_NDMA2003_naming_each_processors_held_and_wanted_lock_and_replays()
    {
        var options = new ScheduleOptions(1000, ScheduleStrategy.Random, Seed: 1);

        var found = ScheduleExplorationTests.Explore(PassiveAppendsOnTwoChannels, options, Rewritten<NetDma.RewritingProviders.DotNetLockOrderInversionProvider>());

        Assert.True(found.Outcome == ScriptOutcome.Failed, $"seed {options.Seed}: {ScheduleExplorationTests.Describe(found)}");
        Assert.DoesNotContain(found.Violations, v => v.Rule.Id == "NDMA2002");
        var deadlock = Assert.Single(found.Violations, v => v.Rule.Id == "NDMA2003");
        Assert.StartsWith("deadlock: ", deadlock.Actual, StringComparison.Ordinal);
        // Each processor holds one lock and waits for the other's, whichever got which.
        Assert.Matches(@"cpu0 at PASSIVE_LEVEL in ProviderAppendDma holds \.NET lock #(\d) \(System\.Object\) and waits for \.NET lock #(?!\1)\d \(System\.Object\), held by cpu1", deadlock.Actual);
        Assert.Matches(@"cpu1 at PASSIVE_LEVEL in ProviderAppendDma holds \.NET lock #(\d) \(System\.Object\) and waits for \.NET lock #(?!\1)\d \(System\.Object\), held by cpu0", deadlock.Actual);
        Assert.Contains(deadlock.CallSequence, line => line.Contains("ProviderAppendDma", StringComparison.Ordinal));
        Assert.NotNull(found.Schedules!.FailingSchedule);
        Assert.True(found.Schedules.FailingSchedule <= 1000);

        var replayed = ScheduleExplorationTests.Explore(PassiveAppendsOnTwoChannels, new ScheduleOptions(1, ReplayTrace: found.Schedules.Trace),
            Rewritten<NetDma.RewritingProviders.DotNetLockOrderInversionProvider>());
        Assert.True(replayed.Outcome == ScriptOutcome.Failed, ScheduleExplorationTests.Describe(replayed));
        Assert.Equal(deadlock.Actual, Assert.Single(replayed.Violations, v => v.Rule.Id == "NDMA2003").Actual);
    }

    [Fact]
    public void The_twin_taking_both_dotnet_locks_in_one_order_passes_1000_schedules()
    {
        var result = ScheduleExplorationTests.Explore(PassiveAppendsOnTwoChannels, new ScheduleOptions(1000, ScheduleStrategy.Random, Seed: 1),
            Rewritten<NetDma.RewritingProviders.DotNetLockOrderedProvider>());

        Assert.True(result.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(result));
        Assert.Equal(1000, result.Schedules!.SchedulesRun);
    }

    [Fact]
    public void A_dotnet_lock_held_across_a_wait_for_the_other_processors_pulse_is_NDMA2003_naming_the_holder_the_wait_and_the_waiter()
    {
        var options = new ScheduleOptions(1000, ScheduleStrategy.Random, Seed: 1);

        var found = ScheduleExplorationTests.Explore(PassiveAppendsOnTwoChannels, options, Rewritten<NetDma.RewritingProviders.DotNetLockAcrossWaitProvider>());

        Assert.True(found.Outcome == ScriptOutcome.Failed, $"seed {options.Seed}: {ScheduleExplorationTests.Describe(found)}");
        Assert.DoesNotContain(found.Violations, v => v.Rule.Id == "NDMA2002");
        var deadlock = Assert.Single(found.Violations, v => v.Rule.Id == "NDMA2003");
        Assert.Contains("cpu0 at PASSIVE_LEVEL in ProviderAppendDma holds .NET lock #1 (System.Object) and waits for a pulse of .NET lock #2 (System.Object) (Monitor.Wait)", deadlock.Actual, StringComparison.Ordinal);
        Assert.Contains("cpu1 at PASSIVE_LEVEL in ProviderAppendDma holds nothing and waits for .NET lock #1 (System.Object), held by cpu0", deadlock.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void A_processor_that_spins_forever_reaches_the_step_bound_and_is_NDMA2003_not_a_crash_and_replays()
    {
        var options = new ScheduleOptions(10, ScheduleStrategy.Random, Seed: 1) { MaxSteps = 2_000 };

        var found = ScheduleExplorationTests.Explore(ScheduleExplorationTests.AppendsOnTwoChannels, options, new TypeDriverFactory(typeof(SpinForeverProvider), null));

        Assert.True(found.Outcome == ScriptOutcome.Failed, ScheduleExplorationTests.Describe(found));
        Assert.DoesNotContain(found.Violations, v => v.Rule.Id == "NDMA2002");
        var stuck = Assert.Single(found.Violations, v => v.Rule.Id == "NDMA2003");
        // Random is a fair strategy: Coyote allows it ten times the unfair bound.
        Assert.StartsWith("a processor did not make progress within 20,000 scheduling steps (a livelock or an unbounded spin): ", stuck.Actual, StringComparison.Ordinal);
        Assert.Contains("cpu1 at DISPATCH_LEVEL in ProviderAppendDma holds nothing and runs", stuck.Actual, StringComparison.Ordinal);
        Assert.Equal(1, found.Schedules!.FailingSchedule);

        var replayed = ScheduleExplorationTests.Explore(ScheduleExplorationTests.AppendsOnTwoChannels,
            new ScheduleOptions(1, ReplayTrace: found.Schedules.Trace) { MaxSteps = options.MaxSteps }, new TypeDriverFactory(typeof(SpinForeverProvider), null));
        Assert.Equal(stuck.Actual, Assert.Single(replayed.Violations, v => v.Rule.Id == "NDMA2003").Actual);
    }

    [Fact]
    public void Coyotes_two_texts_for_a_schedules_end_are_the_ones_the_kit_reads()
    {
        Assert.Equal(new CoyoteScheduleEnd(Deadlock: true, 0), CoyoteScheduleEnd.From("Deadlock detected. Op(3) and Op(4) are waiting to acquire a resource that is already acquired, but no other controlled operations are enabled."));
        Assert.Equal(new CoyoteScheduleEnd(Deadlock: false, 20000), CoyoteScheduleEnd.From("Scheduling steps bound of 20000 reached."));
        Assert.Null(CoyoteScheduleEnd.From("schedule 3 failed"));
        Assert.True(ControlledMonitors.Readable, "Coyote's lock model no longer has the fields the kit reads (Coyote version changed?)");
    }
}
