using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using NetDma.ConformanceKit.Tests.BrokenProviders;

namespace NetDma.ConformanceKit.Tests.Exploration;

/// <summary>
/// <c>netdma-kit explore</c>: exit codes (option values are checked by the parser: ExploreOptionRangeTests), the report of a failing provider (rules, seed, minimal script) and the
/// <c>--out</c> file that <c>netdma-kit run</c> replays. The provider assembly is this test assembly, which holds the
/// broken providers; every run has a fixed seed.
/// </summary>
public sealed class ExploreCommandTests : IDisposable
{
    private const string Seed = "0000000001G3";
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();
    private readonly KitConsole _console;
    private readonly string _folder = Directory.CreateTempSubdirectory("explore-tests").FullName;

    public ExploreCommandTests()
    {
        // The consoles of a CI log, outside GitHub Actions.
        _console = ConsoleFactory.Create(new ConsoleEnvironment(true, true, _ => null), _output, _errors);
    }

    private static FileInfo TestAssembly => new(typeof(ExploreCommandTests).Assembly.Location);

    public void Dispose()
    {
        _output.Dispose();
        _errors.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Explore_of_the_reference_provider_exits_0_and_names_the_first_seed()
    {
        var exit = ExploreCommand.Execute(_console, null, null, Seed, 50, null, 4);

        var text = _output.ToString();
        Assert.True(exit == 0, text);
        Assert.Contains("All 50 case(s) passed", text);
        Assert.Contains($"--seed {Seed}", text);
    }

    [Fact]
    public void Explore_with_schedules_of_the_reference_provider_exits_0_in_a_worker_and_names_the_schedule_options()
    {
        var exit = ExploreCommand.Execute(_console, null, null, Seed, 5, null, 4, schedules: new global::NetDma.ConformanceKit.Concurrency.ScheduleOptions(10, global::NetDma.ConformanceKit.Concurrency.ScheduleStrategy.Pct, 3));

        var text = _output.ToString();
        Assert.True(exit == 0, text);
        Assert.Contains("10 schedule(s) each (pct strategy, schedule seed 3)", text);
        Assert.DoesNotContain("in this process", text);
        Assert.Contains($"--seed {Seed} --schedules 10 --strategy pct --schedule-seed 3", text);
    }

    [Fact]
    public void Explore_of_a_broken_provider_exits_1_prints_rule_seed_and_script_and_writes_a_replayable_file()
    {
        var file = new FileInfo(Path.Combine(_folder, "failing.ndma"));

        var exit = ExploreCommand.Execute(_console, TestAssembly, nameof(CpuOutsideMaskProvider), Seed, 200, file, 4);

        var text = _output.ToString();
        Assert.True(exit == 1, text);
        Assert.Contains("NDMA3004 (MUST)", text);
        Assert.Matches(@"Reproduce: netdma-kit explore --seed \S{12,17} --provider ", text);
        var script = File.ReadAllText(file.FullName);
        Assert.Contains(script, text);

        var replay = new InProcessScriptRunner(new TypeDriverFactory(typeof(CpuOutsideMaskProvider), null), ConformanceRun.DefaultWatchdog)
            .Run(ScriptParser.Parse(script, file.Name));
        Assert.Equal(ScriptOutcome.Failed, replay.Outcome);
        Assert.Contains(replay.Failures, f => f.RuleIds.Contains("NDMA3004"));
    }

    [Fact]
    public void The_seed_printed_for_a_failure_fails_at_once_and_shrinks_no_further_than_it()
    {
        var first = new FileInfo(Path.Combine(_folder, "first.ndma"));
        var second = new FileInfo(Path.Combine(_folder, "second.ndma"));
        ExploreCommand.Execute(_console, TestAssembly, nameof(ThirdDescriptorCorruptingProvider), Seed, 200, first, 4);
        var minimalSeed = System.Text.RegularExpressions.Regex.Match(_output.ToString(), @"Reproduce: netdma-kit explore --seed (\S+)").Groups[1].Value;

        var exit = ExploreCommand.Execute(_console, TestAssembly, nameof(ThirdDescriptorCorruptingProvider), minimalSeed, 1, second, 4);

        Assert.Equal(1, exit);
        Assert.Contains($"Case 1 failed (seed {minimalSeed},", _output.ToString());
        Assert.True(File.ReadAllLines(second.FullName).Length <= File.ReadAllLines(first.FullName).Length, _output.ToString());
    }

    [Fact]
    public void An_out_path_that_cannot_be_written_exits_2_after_printing_the_failure()
    {
        var blocker = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(blocker, "a file where the script's folder should be");
        var file = new FileInfo(Path.Combine(blocker, "failing.ndma"));

        var exit = ExploreCommand.Execute(_console, TestAssembly, nameof(CpuOutsideMaskProvider), Seed, 200, file, 4);

        Assert.Equal(2, exit);
        Assert.Contains("NDMA3004 (MUST)", _output.ToString());
        Assert.DoesNotContain("Minimal failing script written", _output.ToString());
        Assert.StartsWith($"error: cannot write the minimal failing script to '{file.FullName}': ", _errors.ToString());
    }

    [Fact]
    public void A_missing_provider_assembly_exits_2()
    {
        var exit = ExploreCommand.Execute(_console, new FileInfo(Path.Combine(_folder, "missing.dll")), null, null, 10, null, 4);

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", _errors.ToString());
    }

    [Fact]
    public void An_assembly_with_only_a_WDM_driver_is_explored_as_one_and_its_bug_exits_1()
    {
        var exit = ExploreCommand.Execute(_console, TestAssembly, nameof(MisalignedPieceDriver), "0000000001G3", 200, null, 4, inProcess: true);

        Assert.Equal(1, exit);
        Assert.Contains("generated WDM DMA sequence(s)", _output.ToString());
        Assert.Contains("NDMA4024", _output.ToString());
    }
}
