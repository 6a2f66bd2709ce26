using System.Text.RegularExpressions;
using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.Isolation;
using NetDma.ConformanceKit.Tests.Reporting;
using NetDma.ReferenceProvider.NetDma;

namespace NetDma.ConformanceKit.Tests.Exploration;

/// <summary>
/// <c>explore --parallel N</c> gives the same run for a seed whatever N is: the same cases in the same order, the same
/// first failure, the same shrinking, so the same JUnit, SARIF and JSON reports once times are set aside; in this
/// process and with one worker process per lane. Fixed seeds: the seed is in every assertion message.
/// </summary>
public sealed partial class ParallelExplorationTests
{
    private const string Seed = "0000000001G3";

    private static IDriverFactory Factory<TProvider>() => new TypeDriverFactory(typeof(TProvider), null);

    /// <summary>What an exploration left behind, as text: its progress in order and its three reports without times.</summary>
    private static string Transcript(Func<ExplorationOptions, ExplorationResult> explore, ExplorationOptions options)
    {
        var progress = new List<string>();
        var result = explore(options with { Progress = p => progress.Add($"{p.Phase} {p.Index} {p.Seed} {p.Outcome} {p.Commands}") });
        var report = ExplorationReport.ToRunReport(result, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(1));
        Assert.Empty(ReportFiles.Problems(report));
        return string.Join("\n", progress) + "\n--- JUnit\n" + WithoutTimes(JUnitReportWriter.ToXml(report).ToString()) +
            "\n--- SARIF\n" + WithoutTimes(SarifReportWriter.ToJson(report)) + "\n--- JSON\n" + WithoutTimes(JsonReportWriter.ToJson(report)) +
            $"\n--- result: {result.CasesRun} run, {result.CasesPassed} passed, {result.ShrinkRuns} shrink runs, minimal {result.Failure?.Seed}";
    }

    private static string WithoutTimes(string text) => Times().Replace(text, "$1<time>");

    [GeneratedRegex("""((?:time|timestamp)="|"(?:startTime|endTime|startTimeUtc|endTimeUtc|durationSeconds)": "?)[0-9TZ:.\-]+""")]
    private static partial Regex Times();

    [Fact]
    public void A_broken_provider_s_failure_and_shrinking_are_the_same_on_one_and_two_lanes()
    {
        var options = new ExplorationOptions { Seed = Seed, Iterations = 200, ShrinkIterations = 400 };

        var one = Transcript(o => Explorer.Explore(Factory<ThirdDescriptorCorruptingProvider>(), o), options);
        var two = Transcript(o => Explorer.Explore(Factory<ThirdDescriptorCorruptingProvider>(), o), options with { Parallelism = 2 });
        var three = Transcript(o => Explorer.Explore(Factory<ThirdDescriptorCorruptingProvider>(), o), options with { Parallelism = 3 });

        Assert.Contains("Shrinking", one, StringComparison.Ordinal);
        Assert.Contains("NDMA5004", one, StringComparison.Ordinal);
        Assert.Equal(one, two);
        Assert.Equal(one, three);
    }

    [Fact]
    public void The_reference_provider_s_passing_run_is_the_same_on_one_and_two_lanes()
    {
        var options = new ExplorationOptions { Seed = Seed, Iterations = 80 };
        var reference = Factory<ReferenceNetDmaProviderDriver>();

        var one = Transcript(o => Explorer.Explore(reference, o), options);
        var two = Transcript(o => Explorer.Explore(reference, o), options with { Parallelism = 2 });

        Assert.Contains("80 run, 80 passed", one, StringComparison.Ordinal);
        Assert.Equal(one, two);
    }

    [Fact]
    public void Two_worker_lanes_find_and_shrink_what_one_lane_in_this_process_does()
    {
        var options = new ExplorationOptions { Seed = Seed, Iterations = 200, ShrinkIterations = 150 };
        var workers = 0;

        var inProcess = Transcript(o => Explorer.Explore(Factory<ThirdDescriptorCorruptingProvider>(), o), options);
        var isolated = Transcript(o => Explorer.Explore(() =>
        {
            Interlocked.Increment(ref workers);
            return WorkerTestKit.For<ThirdDescriptorCorruptingProvider>();
        }, o), options with { Parallelism = 2 });

        Assert.Equal(2, workers);
        Assert.Equal(inProcess, isolated);
    }

    [Fact]
    public void Under_schedules_two_worker_lanes_find_shrink_and_trace_what_one_lane_in_this_process_does()
    {
        // The seed and shape of ConcurrentExplorationTests' missing-lock exploration, whose first failing case is the race.
        var schedules = new ConformanceKit.Concurrency.ScheduleOptions(50, ConformanceKit.Concurrency.ScheduleStrategy.Random, 1);
        var options = new ExplorationOptions
        {
            ChannelCount = 1, MaxOperations = 6, Seed = Concurrency.ConcurrentExplorationTests.FindingSeed, Iterations = 40, ShrinkIterations = 5,
            Capabilities = ProviderCapabilities.All, Schedules = schedules,
        };
        var provider = typeof(BrokenProviders.UnlockedReportCountProvider);
        var workers = 0;

        var inProcess = Transcript(o => Explorer.Explore(new TypeDriverFactory(provider, null), o), options);
        var isolated = Transcript(o => Explorer.Explore(() =>
        {
            Interlocked.Increment(ref workers);
            return WorkerTestKit.For(provider, TimeSpan.FromSeconds(60), schedules);
        }, o), options with { Parallelism = 2 });

        Assert.Equal(2, workers);
        Assert.Contains("NDMA30", inProcess, StringComparison.Ordinal);
        Assert.Contains("schedule", inProcess, StringComparison.Ordinal);
        Assert.Equal(inProcess, isolated);
    }

    [Fact]
    public void One_runner_refuses_more_than_one_lane()
    {
        using var runner = new InProcessScriptRunner(Factory<ReferenceNetDmaProviderDriver>(), ConformanceRun.DefaultWatchdog);

        var error = Assert.Throws<ArgumentException>(() => Explorer.Explore(runner, new ExplorationOptions { Seed = Seed, Iterations = 4, Parallelism = 2 }));
        Assert.Contains("runner per lane", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lanes_dispose_every_runner_they_made()
    {
        var made = new List<CountingRunner>();
        var reference = Factory<ReferenceNetDmaProviderDriver>();

        Explorer.Explore(() =>
        {
            var runner = new CountingRunner(new InProcessScriptRunner(reference, ConformanceRun.DefaultWatchdog));
            lock (made)
            {
                made.Add(runner);
            }

            return runner;
        }, new ExplorationOptions { Seed = Seed, Iterations = 12, Parallelism = 3 });

        Assert.Equal(3, made.Count);
        Assert.All(made, runner => Assert.True(runner.Disposed));
        // Lanes take cases from a shared counter, so how many each ran depends on the OS scheduler: a loaded machine
        // can let the first lane run all twelve before the others start. Only the total is the lanes' contract.
        Assert.Equal(12, made.Sum(r => r.Cases));
    }

    /// <summary>Counts the generated cases it ran (not the capability probe's scripts) and whether it was disposed.</summary>
    private sealed class CountingRunner(IScriptRunner inner) : IScriptRunner
    {
        private int cases;

        public int Cases => cases;

        public bool Disposed { get; private set; }

        public string DriverName => inner.DriverName;

        public bool HasNetDmaDriver => inner.HasNetDmaDriver;

        public ScriptResult Run(ConformanceKit.Scripting.Script script)
        {
            if (script.File.StartsWith("explore-", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref cases);
            }

            return inner.Run(script);
        }

        public void Dispose()
        {
            Disposed = true;
            inner.Dispose();
        }
    }
}
