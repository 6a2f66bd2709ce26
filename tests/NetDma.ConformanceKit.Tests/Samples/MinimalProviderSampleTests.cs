using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Isolation;
using NetDma.ConformanceKit.Tests.Concurrency;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.Support;
using NetDma.Samples.MinimalProvider;

namespace NetDma.ConformanceKit.Tests.Samples;

/// <summary>
/// samples/NetDma.Samples.MinimalProvider (also the content of `dotnet new netdma-provider`) passes the whole bundled
/// conformance suite, run the way netdma-kit runs it: in a worker process. Only the WDM script is skipped, because the
/// sample is a NetDMA provider only. Its rewritten copy also passes a fixed-seed sample of generated concurrent cases
/// (appends racing the engine, frees racing the last interrupt and DPC), each under 20 Coyote schedules.
/// </summary>
public sealed class MinimalProviderSampleTests
{
    [Fact]
    public void The_minimal_provider_passes_every_bundled_NetDMA_script_in_a_worker()
    {
        var scripts = BundledScripts.ConformanceFiles;
        using var runner = new WorkerScriptRunner(new DriverSource(typeof(MinimalProvider).Assembly.Location), new WorkerOptions { Watchdog = TimeSpan.FromSeconds(30) });

        var report = ConformanceRun.Run(scripts, runner);

        var failures = report.Scripts.Where(s => s.Outcome == ScriptOutcome.Failed)
            .Select(s => $"{s.File}: " + string.Join("; ", s.Failures.Select(f => $"line {f.Location.Line} {f.Step}: {f.Message}")));
        Assert.True(report.Success, "the minimal provider failed:\n" + string.Join("\n", failures));
        Assert.Equal(typeof(MinimalProvider).FullName, report.Driver);
        var skipped = report.Scripts.Where(s => s.Outcome == ScriptOutcome.Skipped).Select(s => s.File).ToList();
        Assert.Equal(["conformance/14-wdm-bus-master.ndma", "conformance/20-wdm-stop-restart.ndma", "conformance/26-wdm-dma-alignment.ndma"], skipped);
        Assert.Equal(scripts.Count - 3, report.Passed);
    }

    [Fact]
    public void The_minimal_provider_rewritten_passes_a_fixed_seed_sample_of_generated_concurrent_cases()
    {
        var rewritten = RewritingTests.RewrittenCopyOf(typeof(MinimalProvider));
        var options = new ExplorationOptions { Seed = "0000000001G3", Iterations = 25, ShrinkIterations = 50, Schedules = new ScheduleOptions(20, ScheduleStrategy.Random, 0) };

        var result = Explorer.Explore(rewritten, options);

        Assert.True(result.Failure is null, $"seed {result.FirstSeed}: {(result.Failure is { } f ? f.Script + string.Join("\n", f.Result.Failures.Select(x => $"{x.Location} {x.Message}")) : "")}");
        Assert.Equal(25, result.CasesPassed);
    }
}
