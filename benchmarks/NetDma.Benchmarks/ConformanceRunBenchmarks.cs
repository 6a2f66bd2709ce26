using BenchmarkDotNet.Attributes;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using NetDma.ReferenceProvider.NetDma;
using NetDma.ReferenceProvider.Wdm;

namespace NetDma.Benchmarks;

/// <summary>
/// The cost of checking a provider at run time: the bundled conformance suite parsed (the baseline) against parsed and
/// run on the simulated kernel with the reference drivers (every call checked, every byte copied by the engine).
/// </summary>
[MemoryDiagnoser]
public class ConformanceRunBenchmarks
{
    private IReadOnlyList<ScriptFile> _files = null!;
    private IDriverFactory _drivers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _files = ConformanceRun.FindScripts(Path.Combine(RepositoryRoot.Find(), "src", "ConformanceKit", "Scripts", "conformance"));
        _drivers = new TypeDriverFactory(typeof(ReferenceNetDmaProviderDriver), typeof(BusMasterSampleDriver));
    }

    /// <summary>Parse every conformance script.</summary>
    [Benchmark(Baseline = true)]
    public int ParseSuite() => _files.Sum(f => ScriptParser.Parse(File.ReadAllText(f.Path), f.DisplayName).Commands.Count);

    /// <summary>Parse and run every conformance script against the reference drivers.</summary>
    [Benchmark]
    public int RunSuite() => ConformanceRun.Run(_files, _drivers, ConformanceRun.DefaultWatchdog).Passed;
}
