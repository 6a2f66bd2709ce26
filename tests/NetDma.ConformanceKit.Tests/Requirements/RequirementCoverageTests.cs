using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Isolation;
using NetDma.ConformanceKit.Requirements;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.Support;
using NetDma.Samples.MinimalProvider;

namespace NetDma.ConformanceKit.Tests.Requirements;

/// <summary>
/// The TCK view of a run (<see cref="RequirementCoverage"/>) and the evaluation counts under it: the bundled scripts make
/// every run-time check judge something on the reference drivers, a requirement counts as verified only when its checks
/// looked, a broken provider's requirement is violated at its script line, a NetDMA-only provider cannot verify the WDM
/// rows, and the counts cross the worker boundary unchanged.
/// </summary>
public sealed class RequirementCoverageTests
{
    private static readonly Lazy<RunReport> ReferenceRun = new(() =>
        ConformanceRun.Run(BundledScripts.ConformanceFiles, DriverRunners.ReferenceDrivers, ConformanceRun.DefaultWatchdog));

    /// <summary>
    /// Rules whose check judges a call or an event a correct driver need not produce, so the bundled scripts cannot
    /// exercise them on the reference drivers; each is exercised by the test named.
    /// </summary>
    private static readonly Dictionary<string, string> ExercisedElsewhere = new()
    {
        [IrqlRules.NoBlockingWaitAtDispatch.Id] = "judged at KeWaitForSingleObject, which the reference drivers never call (BrokenProviderTests)",
        [AdapterRules.ReadDmaCounterSubordinateOnly.Id] = "judged at ReadDmaCounter, which a bus-master driver never calls (BrokenProviderTests)",
        [AdapterRules.CompleteIrpAfterChannelFailure.Id] = "judged when AllocateAdapterChannel returns STATUS_INSUFFICIENT_RESOURCES, which a correct driver's request gets only when the adapter has too few map registers (BrokenProviderTests)",
        [AdapterRules.UniqueDmaTransferContext.Id] = "judged at AllocateAdapterChannelEx, which the reference bus-master driver does not use (BrokenProviderTests, AdapterObjectTests)",
        [AdapterRules.FreeAdapterObjectWhenDone.Id] = "judged for adapter objects AllocateAdapterChannelEx allocated, which the reference bus-master driver does not use (BrokenProviderTests, AdapterObjectTests)",
        [AdapterRules.AllocateAdapterChannelExParameters.Id] = "judged at AllocateAdapterChannelEx, which the reference bus-master driver does not use (BrokenProviderTests, AdapterChannelTests, AdapterObjectTests)",
        [MemoryRules.FailedAllocationReleases.Id] = "judged when ProviderAllocateDmaChannel fails, which needs an injected pool fault (FaultInjectionTests)",
    };

    private static RunReport Run(Type provider, Type? wdm = null) =>
        ConformanceRun.Run(BundledScripts.ConformanceFiles, new TypeDriverFactory(provider, wdm), ConformanceRun.DefaultWatchdog);

    [Fact]
    public void The_bundled_scripts_make_every_run_time_check_judge_an_observation_on_the_reference_drivers()
    {
        var evaluations = ReferenceRun.Value.Evaluations;
        var never = RuleCatalog.All
            .Where(r => r.Enforcement.HasFlag(RuleEnforcement.RunTime) && evaluations.GetValueOrDefault(r.Id) == 0 && !ExercisedElsewhere.ContainsKey(r.Id))
            .Select(r => r.Id)
            .ToList();
        Assert.True(never.Count == 0,
            $"run-time rules whose check never judged anything in the bundled scripts (missing Log.Checked at the check site, or no script exercises them): {string.Join(", ", never)}");
    }

    [Fact]
    public void Every_provider_requirement_with_a_run_time_check_is_verified_by_the_reference_run()
    {
        var verdicts = RequirementCoverage.Of(ReferenceRun.Value);
        var notVerified = verdicts
            .Where(v => v.Requirement.Binds == RequirementBinding.Provider
                && v.Outcome is not (RequirementRunOutcome.Verified or RequirementRunOutcome.NoRunTimeCheck)
                && !v.Requirement.Rules.Any(ExercisedElsewhere.ContainsKey))
            .Select(v => $"{v.Requirement.Id} {v.Outcome}: {v.Reason}")
            .ToList();
        Assert.True(notVerified.Count == 0, string.Join(Environment.NewLine, notVerified));
        Assert.All(verdicts.Where(v => v.Outcome == RequirementRunOutcome.Verified), v => Assert.True(v.Evaluations > 0, v.Requirement.Id));
        Assert.All(verdicts.Where(v => v.Requirement.Binds == RequirementBinding.System), v => Assert.Equal(RequirementRunOutcome.SystemSide, v.Outcome));
    }

    [Fact]
    public void A_broken_provider_leaves_its_requirement_violated_at_the_script_line()
    {
        var verdicts = RequirementCoverage.Of(Run(typeof(CpuOutsideMaskProvider), typeof(NetDma.ReferenceProvider.Wdm.BusMasterSampleDriver)));
        var violated = verdicts.Where(v => v.Outcome == RequirementRunOutcome.Violated).ToList();
        Assert.NotEmpty(violated);
        Assert.Contains(violated, v => v.Requirement.Rules.Contains(LifecycleRules.CpuNumberInMask.Id)
            && v.Reason.StartsWith($"{LifecycleRules.CpuNumberInMask.Id} broken at ", StringComparison.Ordinal)
            && v.Reason.Contains(".ndma:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_NetDMA_only_provider_cannot_verify_the_WDM_requirements()
    {
        var verdicts = RequirementCoverage.Of(Run(typeof(MinimalProvider)));
        // The WDM DMA-adapter rows: their checks judge adapters, map registers and IRPs, none of which a NetDMA-only run has.
        var wdm = verdicts.Where(v => v.Requirement.Rules.Contains(AdapterRules.MapRegistersWithinMax.Id)
            || v.Requirement.Rules.Contains(AdapterRules.FlushBeforeFree.Id)).ToList();
        Assert.NotEmpty(wdm);
        Assert.All(wdm, v =>
        {
            Assert.Equal(RequirementRunOutcome.NotVerifiable, v.Outcome);
            Assert.Contains("no WDM script ran", v.Reason, StringComparison.Ordinal);
        });

        // A kernel rule filed with the WDM rules but judged for every driver (KeSetTargetProcessorDpc) is verified.
        Assert.Contains(verdicts, v => v.Requirement.Rules.Contains(AdapterRules.TargetDpcBeforeQueue.Id) && v.Outcome == RequirementRunOutcome.Verified);
        Assert.Contains(verdicts, v => v.Outcome == RequirementRunOutcome.Verified);
    }

    [Fact]
    public void Evaluation_counts_cross_the_worker_boundary_unchanged()
    {
        var script = BundledScripts.ConformanceFiles.First(f => f.DisplayName.Contains("05-copy-single-descriptor", StringComparison.Ordinal));
        var parsed = ConformanceKit.Scripting.ScriptParser.Parse(File.ReadAllText(script.Path), script.DisplayName);
        var inProcess = new InProcessScriptRunner(DriverRunners.ReferenceDrivers, ConformanceRun.DefaultWatchdog).Run(parsed);
        using var worker = new WorkerScriptRunner(new DriverSource(typeof(NetDma.ReferenceProvider.NetDma.ReferenceNetDmaProviderDriver).Assembly.Location),
            new WorkerOptions { Watchdog = TimeSpan.FromSeconds(30) });
        var isolated = worker.Run(parsed);
        Assert.NotEmpty(inProcess.Evaluations);
        Assert.Equal(inProcess.Evaluations.OrderBy(e => e.Key), isolated.Evaluations.OrderBy(e => e.Key));
    }
}
