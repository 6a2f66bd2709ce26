using BenchmarkDotNet.Attributes;
using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using NetDma.ReferenceProvider.NetDma;
using NetDma.ReferenceProvider.Wdm;

namespace NetDma.Benchmarks;

/// <summary>
/// Schedule exploration's cost: one script of 4 processors and about 50 NetDMA calls (4 allocations and starts,
/// 20 appends issued 4 at a time in concurrent blocks while the engine runs, 4 frees), run 100 times one call at a time
/// (the baseline) against 100 Coyote schedules. Schedules per second = 100 / the Explore100Schedules mean.
/// </summary>
[MemoryDiagnoser]
public class ScheduleExplorationBenchmarks
{
    /// <summary>Runs (or schedules) per benchmark operation.</summary>
    public const int Runs = 100;

    private const string Case = """
        title "4 processors, 4 channels, about 50 NetDMA calls in concurrent blocks"
        platform processors=4 msix=on
        add_device
        start_device
        buffer src 65536 fill=pattern
        buffer dst 65536
        chain c0_0 src+0->dst+0:512 src+512->dst+512:512
        chain c0_1 src+1024->dst+1024:512 src+1536->dst+1536:512
        chain c0_2 src+2048->dst+2048:512 src+2560->dst+2560:512
        chain c0_3 src+3072->dst+3072:512 src+3584->dst+3584:512
        chain c0_4 src+4096->dst+4096:512 src+4608->dst+4608:512
        chain c0_5 src+5120->dst+5120:512 src+5632->dst+5632:512
        chain c1_0 src+6144->dst+6144:512 src+6656->dst+6656:512
        chain c1_1 src+7168->dst+7168:512 src+7680->dst+7680:512
        chain c1_2 src+8192->dst+8192:512 src+8704->dst+8704:512
        chain c1_3 src+9216->dst+9216:512 src+9728->dst+9728:512
        chain c1_4 src+10240->dst+10240:512 src+10752->dst+10752:512
        chain c1_5 src+11264->dst+11264:512 src+11776->dst+11776:512
        chain c2_0 src+12288->dst+12288:512 src+12800->dst+12800:512
        chain c2_1 src+13312->dst+13312:512 src+13824->dst+13824:512
        chain c2_2 src+14336->dst+14336:512 src+14848->dst+14848:512
        chain c2_3 src+15360->dst+15360:512 src+15872->dst+15872:512
        chain c2_4 src+16384->dst+16384:512 src+16896->dst+16896:512
        chain c2_5 src+17408->dst+17408:512 src+17920->dst+17920:512
        chain c3_0 src+18432->dst+18432:512 src+18944->dst+18944:512
        chain c3_1 src+19456->dst+19456:512 src+19968->dst+19968:512
        chain c3_2 src+20480->dst+20480:512 src+20992->dst+20992:512
        chain c3_3 src+21504->dst+21504:512 src+22016->dst+22016:512
        chain c3_4 src+22528->dst+22528:512 src+23040->dst+23040:512
        chain c3_5 src+23552->dst+23552:512 src+24064->dst+24064:512
        allocate ch0 mask=0b0001
        start ch0 c0_0 cpu=0
        allocate ch1 mask=0b0010
        start ch1 c1_0 cpu=1
        allocate ch2 mask=0b0100
        start ch2 c2_0 cpu=2
        allocate ch3 mask=0b1000
        start ch3 c3_0 cpu=3
        concurrently
          run
          append ch0 c0_1 cpu=0
          append ch1 c1_1 cpu=1
          append ch2 c2_1 cpu=2
          append ch3 c3_1 cpu=3
        end
        concurrently
          run
          append ch0 c0_2 cpu=0
          append ch1 c1_2 cpu=1
          append ch2 c2_2 cpu=2
          append ch3 c3_2 cpu=3
        end
        concurrently
          run
          append ch0 c0_3 cpu=0
          append ch1 c1_3 cpu=1
          append ch2 c2_3 cpu=2
          append ch3 c3_3 cpu=3
        end
        concurrently
          run
          append ch0 c0_4 cpu=0
          append ch1 c1_4 cpu=1
          append ch2 c2_4 cpu=2
          append ch3 c3_4 cpu=3
        end
        concurrently
          run
          append ch0 c0_5 cpu=0
          append ch1 c1_5 cpu=1
          append ch2 c2_5 cpu=2
          append ch3 c3_5 cpu=3
        end
        run
        assert_copied src+0 dst+0 24576
        free ch0
        free ch1
        free ch2
        free ch3
        """;

    private Script _script = null!;
    private IDriverFactory _drivers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _script = ScriptParser.Parse(Case, "four-cpus-fifty-calls.ndma");
        _drivers = new TypeDriverFactory(typeof(ReferenceNetDmaProviderDriver), typeof(BusMasterSampleDriver));
    }

    /// <summary>The case run 100 times, one call at a time.</summary>
    [Benchmark(Baseline = true)]
    public int Sequential100Runs()
    {
        using var runner = new InProcessScriptRunner(_drivers, ConformanceRun.DefaultWatchdog);
        var passed = 0;
        for (var i = 0; i < Runs; i++)
        {
            passed += runner.Run(_script).Outcome == ScriptOutcome.Passed ? 1 : 0;
        }

        return passed;
    }

    /// <summary>The case under 100 random Coyote schedules.</summary>
    [Benchmark]
    public int Explore100Schedules() => Explore().Outcome == ScriptOutcome.Passed ? Runs : -1;

    /// <summary>Runs <see cref="Explore100Schedules"/>' exploration once and returns its result (with Coyote's step count).</summary>
    internal ScriptResult Explore()
    {
        using var runner = new InProcessScriptRunner(_drivers, ConformanceRun.DefaultWatchdog, schedules: new ScheduleOptions(Runs, ScheduleStrategy.Random, Seed: 1));
        return runner.Run(_script);
    }
}
