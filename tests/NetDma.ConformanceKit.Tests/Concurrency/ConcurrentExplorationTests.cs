using CsCheck;
using NetDma.ConformanceKit.Cli;
using RunCommand = NetDma.ConformanceKit.Scripting.RunCommand;
using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using NetDma.ConformanceKit.Tests.BrokenProviders;

namespace NetDma.ConformanceKit.Tests.Concurrency;

/// <summary>
/// <c>explore --schedules</c>: the generator's <c>concurrently</c> blocks are only what NetDMA could issue at once,
/// sequential generation is untouched, the reference provider is silent under a fixed-seed exploration, and a planted
/// race (<see cref="UnlockedReportCountProvider"/>) is found from a fixed seed, shrunk under the same schedules and
/// replayed from its trace by <c>run --replay</c>. Budgets stay small (at most 200 schedules per case).
/// </summary>
public sealed class ConcurrentExplorationTests
{
    private const ulong SeedValue = 0x5EED_2026;
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(60);

    private static ExplorationOptions Concurrent(int schedules = 10, uint scheduleSeed = 1) =>
        new() { ChannelCount = 3, Schedules = new ScheduleOptions(schedules, ScheduleStrategy.Random, scheduleSeed) };

    private static IEnumerable<(string Seed, Script Script)> Seeded(ExplorationOptions options, int samples)
    {
        for (uint stream = 0; stream < samples; stream++)
        {
            var seed = new PCG(stream, SeedValue).ToString();
            yield return (seed, ScriptParser.Parse(Explorer.ScriptFor(seed, options, ProviderCapabilities.All), "generated.ndma"));
        }
    }

    [Fact]
    public void Generated_concurrent_blocks_are_only_what_NetDMA_could_issue_at_once()
    {
        var lanes = new Dictionary<string, int>(StringComparer.Ordinal);
        var blocks = 0;
        foreach (var (seed, script) in Seeded(Concurrent() with { MaxOperations = 40 }, 400))
        {
            var processors = (uint)script.Platform!.Processors;
            var channels = new Dictionary<string, string>(StringComparer.Ordinal);
            var commands = script.Commands;
            for (var i = 0; i < commands.Count; i++)
            {
                if (commands[i] is not ConcurrentlyCommand block)
                {
                    Track(channels, commands[i]);
                    continue;
                }

                blocks++;
                var where = $"seed {seed}, block at command {i}";
                Assert.True(block.Lanes.Count >= 2, $"{where}: fewer than two lanes");
                Assert.True(block.Lanes.Count(l => l is RunCommand) <= 1, $"{where}: two runs");
                var calls = block.Lanes.Where(l => l is not RunCommand).ToList();
                Assert.True(calls.Select(l => ChannelCallSite.Of(l).Cpu).Distinct().Count() == calls.Count, $"{where}: two lanes on one processor");
                Assert.All(calls, l => Assert.True(ChannelCallSite.Of(l).Cpu < processors, $"{where}: cpu outside the platform"));
                Assert.True(calls.Select(ChannelOf).Distinct().Count() == calls.Count, $"{where}: two lanes on one channel");
                foreach (var lane in calls)
                {
                    var state = channels.GetValueOrDefault(ChannelOf(lane), "unallocated");
                    var allowed = lane switch
                    {
                        AppendDmaCommand or SuspendDmaCommand => state == "started",
                        StartDmaCommand => state == "needs start",
                        AbortDmaCommand => state is "started" or "suspended",
                        FreeCommand => state is "started" or "needs start" or "suspended",
                        _ => false,
                    };
                    var keyword = ScriptFormatter.Format(lane).Split(' ')[0];
                    Assert.True(allowed, $"{where}: '{keyword}' on a channel that is {state}");
                    lanes[keyword] = lanes.GetValueOrDefault(keyword) + 1;
                    if (lane is FreeCommand && state == "suspended")
                    {
                        lanes["free of a suspended channel"] = lanes.GetValueOrDefault("free of a suspended channel") + 1;
                    }
                }

                foreach (var lane in calls)
                {
                    Track(channels, lane);
                }

                if (block.Lanes.Any(l => l is RunCommand))
                {
                    // The block's run may end before an append lands: the model runs the hardware to idle after it.
                    Assert.True(commands.Skip(i + 1).SkipWhile(c => c is AssertCopiedCommand).FirstOrDefault() is RunCommand { Steps: null },
                        $"{where}: no run to idle after a block with a run");
                }
            }
        }

        Assert.True(blocks > 100, $"only {blocks} blocks in 400 cases");
        foreach (var keyword in new[] { "append", "start", "free", "suspend", "abort", "free of a suspended channel" })
        {
            Assert.True(lanes.GetValueOrDefault(keyword) > 0, $"no '{keyword}' lane in 400 cases: {string.Join(", ", lanes)}");
        }
    }

    [Fact]
    public void Without_schedules_the_generator_makes_no_block_and_the_same_case_as_before()
    {
        var sequential = new ExplorationOptions { ChannelCount = 3 };
        var differ = 0;
        foreach (var (seed, script) in Seeded(sequential, 200))
        {
            Assert.DoesNotContain(script.Commands, c => c is ConcurrentlyCommand);

            // The sequential case is the one the two-argument generator (the only one before schedules) draws.
            var before = ExplorationGenerators.Platform.Select(ExplorationGenerators.Operation(3, ProviderCapabilities.All).Array[0, sequential.MaxOperations],
                (platform, operations) => new ExplorationCase(platform, operations)).Generate(PCG.Parse(seed), null!, out _);
            var text = Explorer.ScriptFor(seed, sequential, ProviderCapabilities.All);
            Assert.Equal(NetDmaSequenceModel.Render(before, 3, $"netdma-kit explore --seed {seed}"), text);
            differ += Explorer.ScriptFor(seed, Concurrent(), ProviderCapabilities.All) == text ? 0 : 1;
        }

        Assert.True(differ > 0, "schedules changed no generated case");
    }

    [Fact]
    public void A_fixed_seed_exploration_with_schedules_of_the_reference_provider_is_silent()
    {
        var result = Explorer.Explore(DriverRunners.ReferenceDrivers, Concurrent(schedules: 20) with { Seed = "0000000001G3", Iterations = 25, ShrinkIterations = 100 });

        Assert.True(result.Failure is null, $"seed {result.FirstSeed}: {(result.Failure is { } f ? f.Script + ScheduleExplorationTests.Describe(f.Result) : "")}");
        Assert.Equal(25, result.CasesPassed);
    }

    [Fact]
    public void Explore_with_schedules_finds_the_missing_lock_between_append_and_DPC_and_its_shrunk_script_replays_from_the_trace()
    {
        var drivers = new TypeDriverFactory(typeof(UnlockedReportCountProvider), null);

        // One channel and short cases: the provider's per-chain count also loses reports one call at a time in some
        // generated shapes (several interrupting chains per DPC), which this seed's first failing case does not have.
        var options = Concurrent(schedules: 50) with
        {
            ChannelCount = 1, MaxOperations = 6, Seed = FindingSeed, Iterations = 40, ShrinkIterations = 100, Capabilities = ProviderCapabilities.All,
        };

        var result = Explorer.Explore(drivers, options);

        var failure = result.Failure;
        Assert.True(failure is not null, $"seed {FindingSeed}: not found in {result.CasesRun} case(s)");
        var described = $"{string.Join(", ", failure.BrokenRules)} {failure.Schedules}:\n{failure.Script}{ScheduleExplorationTests.Describe(failure.Result)}";

        // The lost report: a completion no NetDmaInterruptDpc ever reports (NDMA3023), or, found first when the lost
        // report is the last one, an interrupt-on-completion descriptor whose DPC never reported it (NDMA3014). Which of
        // the two a schedule shows first depends on where the kit's own scheduling points fall.
        Assert.True(failure.BrokenRules.Intersect(["NDMA3023", "NDMA3014"]).Any(), described);
        Assert.True(failure.Reproduced, "the shrunk case did not fail again under the same schedules: " + described);
        var trace = Assert.IsType<string>(failure.Schedules?.Trace);

        // The shrunk case's report (what explore prints under "Failed checks") shows the race as a per-CPU timeline.
        Assert.Contains(failure.Result.Violations, v => failure.BrokenRules.Contains(v.Rule.Id) && v.Timeline is { } timeline
            && ProcessorTimeline.Columns(timeline).Count(c => c.StartsWith("cpu", StringComparison.Ordinal)) >= 2);
        Assert.Contains(failure.Result.Failures, f => f.Message.Contains("per-CPU timeline (oldest first, one row per call):", StringComparison.Ordinal));

        // What run --replay does with the trace written beside the shrunk script.
        using var replay = new InProcessScriptRunner(drivers, Watchdog, schedules: new ScheduleOptions(1, ReplayTrace: trace));
        var replayed = replay.Run(ScriptParser.Parse(failure.Script, "shrunk.ndma"));
        Assert.True(replayed.Outcome == ScriptOutcome.Failed, ScheduleExplorationTests.Describe(replayed));
        Assert.Contains(replayed.Violations, v => failure.BrokenRules.Contains(v.Rule.Id));

        // One call at a time the first failing case passes: it is the schedules that find the race. (Shrinking keeps
        // a candidate that breaks the same rule, which for this provider may also break it one call at a time.)
        var first = Explorer.ScriptFor(failure.FirstFailingSeed, options, ProviderCapabilities.All);
        Assert.Contains(ScriptKeywords.Concurrently, first);
        using var sequential = new InProcessScriptRunner(drivers, Watchdog);
        var once = sequential.Run(ScriptParser.Parse(first, "first.ndma"));
        Assert.True(once.Outcome == ScriptOutcome.Passed, "one call at a time: " + ScheduleExplorationTests.Describe(once) + "\n" + first);
    }

    /// <summary>A first seed whose first failing case is the race (found by a search over seeds, then fixed).</summary>
    internal const string FindingSeed = "0000000Mg0Jv";

    /// <summary>
    /// The shape that found the reference engine's lost append (docs/concurrency.md, "Races found in the reference
    /// provider"): a NetDMA 1.1 chain whose last descriptor the engine is processing when NetDMA links and appends.
    /// </summary>
    internal const string AppendWhileTheLastDescriptorRuns = """
        title "append from cpu1 while the engine processes the chain's last descriptor (NetDMA 1.1)"
        platform processors=2 msix=on netdma=1.1
        add_device
        start_device
        buffer src 8192 fill=pattern
        buffer dst 8192
        chain c1 src+0->dst+0:512 src+512->dst+512:512
        chain c2 src+1024->dst+1024:1024 src+2048->dst+2048:1024
        allocate ch0 mask=0b01
        assert_status STATUS_SUCCESS
        start ch0 c1
        concurrently
          run
          append ch0 c2 cpu=1
        end
        run
        assert_copied src+0 dst+0 3072
        free ch0
        assert_no_violation
        """;

    [Fact]
    public void The_reference_engine_loses_no_append_that_lands_while_it_processes_the_last_descriptor()
    {
        var found = ScheduleExplorationTests.Explore(AppendWhileTheLastDescriptorRuns, new ScheduleOptions(200, ScheduleStrategy.Random, 1));

        Assert.True(found.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(found));
        Assert.Equal(200, found.Schedules!.SchedulesRun);
    }

    [Fact]
    public void The_generated_case_that_found_the_lost_append_passes_its_schedules_on_the_reference_provider()
    {
        // Schedule 1 of seed 1 lost the appended chain before the engine's append doorbell (NDMA5004).
        var options = Concurrent(schedules: 200) with { ChannelCount = 2, MaxOperations = 8 };
        var script = Explorer.ScriptFor("000001uXi13e", options, ProviderCapabilities.All);
        Assert.Contains(ScriptKeywords.Concurrently, script);

        var result = ScheduleExplorationTests.Explore(script, options.Schedules!);

        Assert.True(result.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(result));
    }

    [Fact]
    public void The_generated_case_whose_append_raced_the_completion_word_passes_its_schedules_on_the_reference_provider()
    {
        // Found by explore --seed 0123456789abc --iterations 100 --schedules 50 --schedule-seed 1 once the doorbell was in:
        // a stale Active from the engine (schedule 1), then the check's own race with the host linking the chain (18).
        var options = new ExplorationOptions { Schedules = new ScheduleOptions(200, ScheduleStrategy.Random, 1) };
        var script = Explorer.ScriptFor("2bbzG_WHIFhbT5", options, ProviderCapabilities.All);
        Assert.Contains(ScriptKeywords.Concurrently, script);

        var result = ScheduleExplorationTests.Explore(script, options.Schedules!);

        Assert.True(result.Outcome == ScriptOutcome.Passed, ScheduleExplorationTests.Describe(result));
    }

    /// <summary>
    /// ProviderSuspendDma racing the engine: "The DMA provider completes the transfer of the current DMA descriptor
    /// before it returns" (nc-netdma-dma_suspend_handler.md), so the suspend must wait for a step in progress.
    /// </summary>
    internal const string SuspendWhileTheEngineRuns = """
        title "suspend from cpu1 while the engine processes the chain"
        platform processors=2 msix=on netdma=1.1
        add_device
        start_device
        buffer src 8192 fill=pattern
        buffer dst 8192
        chain c0 src+0->dst+0:1024 src+1024->dst+1024:1024 src+2048->dst+2048:1024 interrupt=last status=on
        allocate ch0 mask=0b01
        assert_status STATUS_SUCCESS
        start ch0 c0
        concurrently
          run
          suspend ch0 cpu=1
        end
        resume ch0
        run
        assert_copied src+0 dst+0 3072
        free ch0
        assert_no_violation
        """;

    /// <summary>
    /// ProviderAbortDma racing the engine: it stops "without completing the transfer of the data that is associated with
    /// the current DMA descriptor", and the engine touches no descriptor of the aborted chain after it returns
    /// (nc-netdma-dma_abort_handler.md, NDMA3013).
    /// </summary>
    internal const string AbortWhileTheEngineRuns = """
        title "abort from cpu1 while the engine processes the chain"
        platform processors=2 msix=on netdma=1.1
        add_device
        start_device
        buffer src 8192 fill=pattern
        buffer dst 8192
        chain c0 src+0->dst+0:1024 src+1024->dst+1024:1024 src+2048->dst+2048:1024 interrupt=last status=on
        chain c1 src+4096->dst+4096:512
        allocate ch0 mask=0b01
        assert_status STATUS_SUCCESS
        start ch0 c0
        concurrently
          run
          abort ch0 cpu=1
        end
        run
        start ch0 c1
        run
        assert_copied src+4096 dst+4096 512
        free ch0
        assert_no_violation
        """;

    private static string ChannelOf(ScriptCommand lane) => lane switch
    {
        AppendDmaCommand c => c.Channel,
        StartDmaCommand c => c.Channel,
        SuspendDmaCommand c => c.Channel,
        AbortDmaCommand c => c.Channel,
        FreeCommand c => c.Channel,
        _ => throw new ArgumentException(lane.ToString()),
    };

    /// <summary>The channel states NetDMA's calls leave, as the host and parser keep them.</summary>
    private static void Track(Dictionary<string, string> channels, ScriptCommand command)
    {
        switch (command)
        {
            case AllocateCommand a:
                channels[a.Channel] = "needs start";
                break;
            case StartDmaCommand s:
                channels[s.Channel] = "started";
                break;
            case SuspendDmaCommand s:
                channels[s.Channel] = "suspended";
                break;
            case ResumeDmaCommand r:
                channels[r.Channel] = "started";
                break;
            case AbortDmaCommand a:
                channels[a.Channel] = "needs start";
                break;
            case ResetChannelCommand r:
                channels[r.Channel] = "needs start";
                break;
            case FreeCommand f:
                channels.Remove(f.Channel);
                break;
            case StopDeviceCommand or SurpriseRemoveCommand:
                channels.Clear();
                break;
        }
    }
}
