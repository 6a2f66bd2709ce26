using System.Globalization;
using BenchmarkDotNet.Attributes;
using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Running;
using NetDma.ReferenceProvider.NetDma;
using NetDma.ReferenceProvider.Wdm;

namespace NetDma.Benchmarks;

/// <summary>
/// Exploration's throughput (issue 10: cases per minute of 50 operations, target >= 100,000 on one core, and the
/// speed-up of <c>--parallel 2</c>): <see cref="Cases"/> generated NetDMA cases of up to 50 operations
/// (<see cref="ExplorationOptions.MaxOperations"/> = 50) from a fixed seed, run in this process against the reference
/// provider, in one lane (the baseline) and in two (<see cref="ExplorationOptions.Parallelism"/>, one in-process runner
/// per lane). Cases per minute = <see cref="Cases"/> × 60 s / the mean. Every case passes, so nothing is shrunk.
/// </summary>
[MemoryDiagnoser]
public class ExplorationBenchmarks
{
    /// <summary>Cases per benchmark operation.</summary>
    public const int Cases = 200;

    /// <summary>The bound on generated operations per case.</summary>
    public const int Operations = 50;

    private const string Seed = "0000000001G3";

    private IDriverFactory _drivers = null!;

    /// <summary>Lanes run at once (1: the baseline).</summary>
    [Params(1, 2)]
    public int Lanes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _drivers = new TypeDriverFactory(typeof(ReferenceNetDmaProviderDriver), typeof(BusMasterSampleDriver));

        // The size of what is measured, printed once: the mean script length of the cases (setup and teardown included).
        long commands = 0;
        var result = Explore(1, progress => commands += progress.Commands);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// {result.CasesPassed} of {Cases} cases passed; {commands / (double)Cases:F1} commands per case on average"));
    }

    /// <summary>Explores <see cref="Cases"/> cases in <see cref="Lanes"/> lanes; returns the cases passed.</summary>
    [Benchmark]
    public int ExploreCases() => Explore(Lanes, null).CasesPassed;

    private ExplorationResult Explore(int lanes, Action<ExplorationProgress>? progress) =>
        Explorer.Explore(() => new InProcessScriptRunner(_drivers, ConformanceRun.DefaultWatchdog), new ExplorationOptions
        {
            Seed = Seed,
            Iterations = Cases,
            MaxOperations = Operations,
            Parallelism = lanes,
            Progress = progress,
        });
}
