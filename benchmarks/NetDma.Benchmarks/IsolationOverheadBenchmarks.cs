using BenchmarkDotNet.Attributes;
using NetDma.ConformanceKit.Isolation;
using NetDma.ConformanceKit.Running;
using NetDma.ReferenceProvider.NetDma;
using NetDma.ReferenceProvider.Wdm;

namespace NetDma.Benchmarks;

/// <summary>
/// What isolation costs: the bundled conformance suite against the reference drivers in this process (the baseline)
/// against the same suite in a worker process that is already running (every observation streamed over the pipe), and
/// against a cold run that also starts the worker and loads the provider, as <c>netdma-kit run</c> does once per run.
/// </summary>
[MemoryDiagnoser]
public class IsolationOverheadBenchmarks
{
    private IReadOnlyList<ScriptFile> _files = null!;
    private IDriverFactory _drivers = null!;
    private DriverSource _source = null!;
    private WorkerOptions _options = null!;
    private WorkerScriptRunner _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot.Find();
        _files = ConformanceRun.FindScripts(Path.Combine(root, "src", "ConformanceKit", "Scripts", "conformance"));
        _drivers = new TypeDriverFactory(typeof(ReferenceNetDmaProviderDriver), typeof(BusMasterSampleDriver));
        _source = new DriverSource(typeof(ReferenceNetDmaProviderDriver).Assembly.Location);
        _options = new WorkerOptions { WorkerPath = Path.Combine(AppContext.BaseDirectory, WorkerOptions.WorkerAssemblyName) };
        _warm = new WorkerScriptRunner(_source, _options);
    }

    [GlobalCleanup]
    public void Cleanup() => _warm.Dispose();

    /// <summary>The suite with the drivers in this process.</summary>
    [Benchmark(Baseline = true)]
    public int InProcess() => ConformanceRun.Run(_files, _drivers, ConformanceRun.DefaultWatchdog).Passed;

    /// <summary>The suite in a running worker.</summary>
    [Benchmark]
    public int WorkerWarm() => ConformanceRun.Run(_files, _warm).Passed;

    /// <summary>The suite in a new worker: process start, runtime start-up, provider load, then the suite.</summary>
    [Benchmark]
    public int WorkerCold()
    {
        using var runner = new WorkerScriptRunner(_source, _options);
        return ConformanceRun.Run(_files, runner).Passed;
    }
}
