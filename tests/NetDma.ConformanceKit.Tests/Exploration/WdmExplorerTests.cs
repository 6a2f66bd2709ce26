using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ReferenceProvider.NetDma;
using NetDma.ReferenceProvider.Wdm;

namespace NetDma.ConformanceKit.Tests.Exploration;

/// <summary>
/// The explorer against WDM DMA drivers: the reference bus-master driver passes every generated case; a broken driver
/// is found, shrunk to a small script, and that script fails again with the broken rule. Fixed first seeds, so the
/// cases and the shrinking are the same on every machine.
/// </summary>
public sealed class WdmExplorerTests
{
    private const string Seed = "0000000001G3";

    private static IDriverFactory Wdm<TDriver>() => new TypeDriverFactory(null, typeof(TDriver));

    private static ExplorationResult Explore(IDriverFactory factory, ExplorationOptions options)
    {
        using var runner = new InProcessScriptRunner(factory, options.Watchdog);
        return Explorer.ExploreWdm(runner, options);
    }

    private static string Describe(ExplorationResult result) =>
        result.Failure is not { } failure ? $"no failure (first seed {result.FirstSeed}, {result.CasesRun} cases)"
            : $"seed {failure.Seed} failed:{Environment.NewLine}" +
              string.Join(Environment.NewLine, failure.Result.Failures.Select(f => $"  {f.Location} {f.Step} [{string.Join(' ', f.RuleIds)}] {f.Message}")) +
              Environment.NewLine + failure.Script;

    [Fact]
    public void The_reference_WDM_driver_passes_100_seeded_cases()
    {
        var result = Explore(Wdm<BusMasterSampleDriver>(), new ExplorationOptions { Seed = Seed, Iterations = 100 });

        Assert.True(result.Success, Describe(result));
        Assert.Equal(100, result.CasesPassed);
    }

    [Theory]
    [InlineData(typeof(MisalignedPieceDriver), "NDMA4024")]
    [InlineData(typeof(CurrentVaNotAdvancedDriver), "NDMA4026")]
    [InlineData(typeof(MdlPhysicalAddressDriver), "NDMA4027")]
    public void A_broken_WDM_driver_is_found_and_shrunk_to_a_script_that_fails_with_its_rule(Type broken, string ruleId)
    {
        var result = Explore(new TypeDriverFactory(null, broken), new ExplorationOptions { Seed = Seed, Iterations = 200, ShrinkIterations = 300 });

        var failure = Assert.IsType<ExplorationFailure>(result.Failure);
        Assert.Contains(failure.Result.Failures, f => f.RuleIds.Contains(ruleId));
        Assert.True(failure.Reproduced, Describe(result));
        Assert.True(failure.Script.Count(c => c == '\n') <= 20, Describe(result));

        // The minimal script is a plain script: run again, it fails the same way and passes the reference driver.
        var script = ScriptParser.Parse(failure.Script, "minimal.ndma");
        using var again = new InProcessScriptRunner(new TypeDriverFactory(null, broken), ConformanceRun.DefaultWatchdog);
        Assert.Contains(again.Run(script).Failures, f => f.RuleIds.Contains(ruleId));
        using var reference = new InProcessScriptRunner(Wdm<BusMasterSampleDriver>(), ConformanceRun.DefaultWatchdog);
        Assert.Equal(ScriptOutcome.Passed, reference.Run(script).Outcome);
    }

    [Fact]
    public void The_same_seed_gives_the_same_WDM_script_and_it_parses()
    {
        var options = new ExplorationOptions();
        var text = Explorer.WdmScriptFor(Seed, options);

        Assert.Equal(text, Explorer.WdmScriptFor(Seed, options));
        var script = ScriptParser.Parse(text, "case.ndma");
        Assert.Equal(DriverCommand.Wdm, script.DriverKind);
        Assert.IsType<AssertNoViolationCommand>(script.Commands[^1]);
    }

    [Fact]
    public void A_driver_without_a_WDM_driver_is_refused()
    {
        using var runner = new InProcessScriptRunner(new TypeDriverFactory(typeof(ReferenceNetDmaProviderDriver), null), ConformanceRun.DefaultWatchdog);

        var error = Assert.Throws<DriverUnavailableException>(() => Explorer.ExploreWdm(runner, new ExplorationOptions { Seed = Seed, Iterations = 3 }));
        Assert.Contains("no WDM DMA driver", error.Message);
    }
}
