using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ReferenceProvider.NetDma;
using NetDma.ReferenceProvider.Wdm;

namespace NetDma.ConformanceKit.Tests.Exploration;

/// <summary>
/// The explorer against the reference provider (every generated case passes) and against broken providers (it finds
/// the bug, shrinks it to a small script, and that script fails again with the broken rule). Every run uses a fixed
/// first seed, so the cases, the shrinking and the minimal script are the same on every machine; failure messages
/// carry the seed that reproduces the case.
/// </summary>
public sealed class ExplorerTests
{
    private const string Seed = "0000000001G3";

    /// <summary>The largest minimal script a shrunk broken-provider case may have: the fixed setup and teardown plus a few steps.</summary>
    private const int MinimalScriptBound = 28;

    private static readonly IDriverFactory Reference = new TypeDriverFactory(typeof(ReferenceNetDmaProviderDriver), null);

    private static IDriverFactory Factory<TProvider>() => new TypeDriverFactory(typeof(TProvider), null);

    private static string Describe(ExplorationResult result) =>
        result.Failure is not { } failure ? $"no failure (first seed {result.FirstSeed}, {result.CasesRun} cases)"
            : $"seed {failure.Seed} (first failing {failure.FirstFailingSeed}, first seed {result.FirstSeed}) failed:{Environment.NewLine}" +
              string.Join(Environment.NewLine, failure.Result.Failures.Select(f => $"  {f.Location} {f.Step} [{string.Join(' ', f.RuleIds)}] {f.Message}")) +
              Environment.NewLine + failure.Script;

    [Fact]
    public void Reference_provider_passes_400_seeded_cases()
    {
        var result = Explorer.Explore(Reference, new ExplorationOptions { Seed = Seed, Iterations = 400 });

        Assert.True(result.Success, Describe(result));
        Assert.Equal(400, result.CasesRun);
        Assert.Equal(400, result.CasesPassed);
        Assert.Equal(0, result.CasesSkipped);
        Assert.Equal(ProviderCapabilities.All, result.Capabilities);
    }

    [Fact]
    public void Fixed_seed_cases_with_a_surprise_removal_pass_on_the_reference_provider()
    {
        var options = new ExplorationOptions { Seed = Seed, Iterations = 60 };
        var seeds = new List<string>();
        var result = Explorer.Explore(Reference, options with { Progress = p => seeds.Add(p.Seed) });

        Assert.True(result.Success, Describe(result));
        var removals = seeds.Distinct(StringComparer.Ordinal).Select(seed => Explorer.ScriptFor(seed, options, ProviderCapabilities.All))
            .Where(script => script.Contains("\nsurprise_remove\n", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(removals);
        Assert.All(removals, script =>
        {
            // Nothing of NetDMA's after the removal: IRP_MN_REMOVE_DEVICE and the final assertions only.
            var after = script[(script.IndexOf("\nsurprise_remove\n", StringComparison.Ordinal) + 17)..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("remove_device", after[0]);
            Assert.All(after.Skip(1), line => Assert.StartsWith("assert_", line, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Reference_provider_passes_long_sequences_on_two_channels()
    {
        var result = Explorer.Explore(Reference, new ExplorationOptions { Seed = "2YOW5EeWdBdfCZiz", Iterations = 60, MaxOperations = 120, ChannelCount = 2 });

        Assert.True(result.Success, Describe(result));
        Assert.Equal(60, result.CasesPassed);
    }

    [Fact]
    public void Without_a_seed_the_first_seed_is_reported_and_reproduces_the_run()
    {
        var seen = new List<string>();
        var first = Explorer.Explore(Reference, new ExplorationOptions { Iterations = 3, Progress = p => seen.Add(p.Seed) });
        var replayed = new List<string>();
        var second = Explorer.Explore(Reference, new ExplorationOptions { Iterations = 3, Seed = first.FirstSeed, Progress = p => replayed.Add(p.Seed) });

        Assert.True(Explorer.IsSeed(first.FirstSeed), first.FirstSeed);
        Assert.Equal(first.FirstSeed, seen[0]);
        Assert.Equal(seen, replayed);
        Assert.True(second.Success, Describe(second));
    }

    public static TheoryData<Type, string> BrokenProviders => new()
    {
        { typeof(CpuOutsideMaskProvider), "NDMA3004" },
        { typeof(DmaOverrunProvider), "NDMA5001" },
        { typeof(DoubleFreeChannelProvider), "NDMA5003" },
        { typeof(CpuNumberNotWrittenProvider), "NDMA3003" },
        { typeof(NullChannelContextProvider), "NDMA3002" },
        { typeof(UndocumentedStatusProvider), "NDMA2001" },
        { typeof(DpcAfterFreeProvider), "NDMA3015" },
        { typeof(ThrowingProvider), "NDMA2002" },
    };

    [Theory]
    [MemberData(nameof(BrokenProviders))]
    public void Explorer_finds_the_broken_rule_and_shrinks_to_a_small_script_that_fails_again(Type broken, string ruleId)
    {
        var factory = new TypeDriverFactory(broken, null);
        var result = Explorer.Explore(factory, new ExplorationOptions { Seed = Seed, Iterations = 200 });

        var failure = Assert.IsType<ExplorationFailure>(result.Failure);
        Assert.True(failure.BrokenRules.Contains(ruleId), Describe(result));
        Assert.True(failure.Reproduced, Describe(result));
        Assert.Contains(failure.Seed, failure.CsCheckReport);

        var script = ScriptParser.Parse(failure.Script, "minimal.ndma");
        Assert.True(script.Commands.Count <= MinimalScriptBound, $"{script.Commands.Count} commands > {MinimalScriptBound}: {Describe(result)}");
        var rerun = new InProcessScriptRunner(factory, ConformanceRun.DefaultWatchdog).Run(script);
        Assert.Equal(ScriptOutcome.Failed, rerun.Outcome);
        Assert.True(rerun.Failures.Any(f => f.RuleIds.Contains(ruleId)), Describe(result));

        // The reference provider passes the same minimal script: the failure is the provider's, not the model's.
        Assert.Equal(ScriptOutcome.Passed, new InProcessScriptRunner(Reference, ConformanceRun.DefaultWatchdog).Run(script).Outcome);
    }

    [Fact]
    public void Explorer_finds_corruption_of_the_third_descriptor_and_keeps_a_chain_of_three()
    {
        var result = Explorer.Explore(Factory<ThirdDescriptorCorruptingProvider>(), new ExplorationOptions { Seed = Seed, Iterations = 200 });

        var failure = Assert.IsType<ExplorationFailure>(result.Failure);
        Assert.Contains("NDMA5004", failure.BrokenRules);
        var script = ScriptParser.Parse(failure.Script, "minimal.ndma");
        Assert.Contains(script.Commands.OfType<ChainCommand>(), chain => chain.Descriptors.Count >= 3);
        Assert.True(script.Commands.Count <= MinimalScriptBound, $"{script.Commands.Count} commands > {MinimalScriptBound}: {Describe(result)}");
        Assert.True(failure.Shrinks > 0 || failure.Seed == failure.FirstFailingSeed, Describe(result));
        // Reported by the automatic data check: the minimal case may end in a surprise removal, after which nothing is asserted copied.
        Assert.Contains(failure.Result.Failures, f => f.RuleIds.Contains("NDMA5004"));
    }

    [Fact]
    public void Exploration_of_a_broken_provider_is_deterministic_for_a_seed()
    {
        var options = new ExplorationOptions { Seed = Seed, Iterations = 200 };
        var first = Explorer.Explore(Factory<ThirdDescriptorCorruptingProvider>(), options);
        var second = Explorer.Explore(Factory<ThirdDescriptorCorruptingProvider>(), options);

        Assert.NotNull(first.Failure);
        Assert.Equal(first.CasesRun, second.CasesRun);
        Assert.Equal(first.ShrinkRuns, second.ShrinkRuns);
        Assert.Equal(first.Failure!.Seed, second.Failure!.Seed);
        Assert.Equal(first.Failure.Script, second.Failure.Script);
    }

    [Fact]
    public void The_minimal_seed_regenerates_the_minimal_script()
    {
        var options = new ExplorationOptions { Seed = Seed, Iterations = 200 };
        var result = Explorer.Explore(Factory<DmaOverrunProvider>(), options);

        var failure = Assert.IsType<ExplorationFailure>(result.Failure);
        Assert.Equal(failure.Script, Explorer.ScriptFor(failure.Seed, options, result.Capabilities));
        Assert.Contains($"--seed {failure.Seed}", failure.Script);

        // Exploring from the minimal seed fails at once, with the same minimal case or a smaller one.
        var again = Explorer.Explore(Factory<DmaOverrunProvider>(), options with { Seed = failure.Seed });
        Assert.Equal(1, again.CasesRun);
        Assert.True(again.Failure!.Script.Split('\n').Length <= failure.Script.Split('\n').Length, Describe(again));
    }

    [Fact]
    public void A_hanging_provider_is_reported_with_NDMA2003_and_not_shrunk()
    {
        var options = new ExplorationOptions { Seed = Seed, Iterations = 50, Watchdog = TimeSpan.FromMilliseconds(500), Capabilities = ProviderCapabilities.All };
        var result = Explorer.Explore(Factory<HangingProvider>(), options);

        var failure = Assert.IsType<ExplorationFailure>(result.Failure);
        Assert.Contains("NDMA2003", failure.BrokenRules);
        Assert.Equal(0, result.ShrinkRuns);
        Assert.Equal(failure.FirstFailingSeed, failure.Seed);
        Assert.True(failure.Reproduced, Describe(result));
    }

    [Fact]
    public void Probe_finds_no_optional_handlers_and_no_case_uses_them()
    {
        var commands = new List<string>();
        var options = new ExplorationOptions { Seed = Seed, Iterations = 150 };
        var result = Explorer.Explore(Factory<NoOptionalHandlersProvider>(), options);

        Assert.True(result.Success, Describe(result));
        Assert.Equal(ProviderCapabilities.None, result.Capabilities);
        Assert.Equal(0, result.CasesSkipped);
        for (uint stream = 0; stream < 150; stream++)
        {
            var text = Explorer.ScriptFor(new CsCheck.PCG(stream, 7).ToString(), options, result.Capabilities);
            commands.AddRange(ScriptParser.Parse(text, "t.ndma").Commands.Select(c => ScriptFormatter.Format(c).Split(' ')[0]));
        }

        Assert.DoesNotContain(ScriptKeywords.Suspend, commands);
        Assert.DoesNotContain(ScriptKeywords.Resume, commands);
        Assert.DoesNotContain(ScriptKeywords.Abort, commands);
        Assert.DoesNotContain(ScriptKeywords.Reset, commands);
        Assert.Contains(ScriptKeywords.Append, commands);
    }

    [Fact]
    public void Capabilities_the_probe_missed_show_as_skipped_cases_not_failures()
    {
        var result = Explorer.Explore(Factory<NoOptionalHandlersProvider>(),
            new ExplorationOptions { Seed = Seed, Iterations = 40, Capabilities = ProviderCapabilities.All });

        Assert.True(result.Success, Describe(result));
        Assert.True(result.CasesSkipped > 0, $"no case used an optional handler in 40 cases from seed {Seed}");
        Assert.Equal(40, result.CasesPassed + result.CasesSkipped);
    }

    [Fact]
    public void A_factory_without_a_NetDMA_provider_is_refused()
    {
        var wdmOnly = new TypeDriverFactory(null, typeof(BusMasterSampleDriver));

        var error = Assert.Throws<DriverUnavailableException>(() => Explorer.Explore(wdmOnly, new ExplorationOptions { Iterations = 1 }));
        Assert.Contains("INetDmaProviderDriver", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-seed")]
    [InlineData("0000000031870000000")]
    public void A_seed_CsCheck_cannot_read_is_a_FormatException(string seed)
    {
        Assert.False(Explorer.IsSeed(seed));
        Assert.Throws<FormatException>(() => Explorer.Explore(Reference, new ExplorationOptions { Seed = seed, Iterations = 1 }));
    }

    [Fact]
    public void Options_outside_their_ranges_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Explorer.Explore(Reference, new ExplorationOptions { Iterations = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Explorer.Explore(Reference, new ExplorationOptions { ChannelCount = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Explorer.Explore(Reference, new ExplorationOptions { ChannelCount = 33 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Explorer.Explore(Reference, new ExplorationOptions { MaxOperations = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Explorer.Explore(Reference, new ExplorationOptions { ShrinkIterations = -1 }));
    }
}
