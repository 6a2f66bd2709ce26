using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Faults;
using NetDma.ConformanceKit.Isolation;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.Support;
using NetDma.Samples.MinimalProvider;

namespace NetDma.ConformanceKit.Tests.Faults;

/// <summary>
/// Fault injection through the whole kit: under each fault the reference drivers and the minimal sample answer with a
/// documented status, leak nothing and stay usable (the bundled suite passes with every fault injected); a provider
/// that mishandles one is caught with its rule; the same spec gives the same injections, in process or in a worker.
/// </summary>
public sealed class FaultInjectionTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    public static TheoryData<string, FaultKind> EachFault => new()
    {
        { "pool:every=1", FaultKind.Pool },
        { "pool:every=2,tag=NdmR", FaultKind.Pool },
        { "seed=5;pool:p=0.5", FaultKind.Pool },
        { "connect-interrupt", FaultKind.ConnectInterrupt },
        { "map-registers:grant=1", FaultKind.MapRegisters },
        { "interrupt:spurious=16", FaultKind.Interrupt },
        { "dma-read:every=3", FaultKind.DmaRead },
        { "descriptor:every=3", FaultKind.Descriptor },
        { "surprise-removal:every=3", FaultKind.SurpriseRemoval },
        { "surprise-removal:every=5", FaultKind.SurpriseRemoval },
    };

    /// <summary>Runs one script given as text against the reference drivers, in this process.</summary>
    private static ScriptResult RunOnReferenceDrivers(string text, string name)
    {
        using var runner = new InProcessScriptRunner(DriverRunners.ReferenceDrivers, Watchdog);
        return runner.Run(global::NetDma.ConformanceKit.Scripting.ScriptParser.Parse(text, name));
    }

    private static RunReport RunSuite(IDriverFactory factory, string faults) =>
        RunSuite(new InProcessScriptRunner(factory, Watchdog, FaultSpec.Parse(faults)));

    private static RunReport RunSuite(IScriptRunner runner)
    {
        using (runner)
        {
            return ConformanceRun.Run(BundledScripts.ConformanceFiles, runner);
        }
    }

    private static string Explain(RunReport report) =>
        string.Join("\n", report.Scripts.SelectMany(s => s.Failures).Select(f => $"{f.Location} {f.Title}: {f.Message}"));

    [Theory]
    [MemberData(nameof(EachFault))]
    public void The_reference_drivers_pass_the_suite_under_each_fault(string faults, FaultKind kind)
    {
        var report = RunSuite(DriverRunners.ReferenceDrivers, faults);

        Assert.True(report.Success, Explain(report));
        var injected = report.Scripts.SelectMany(s => s.Faults).ToList();
        Assert.NotEmpty(injected);
        Assert.Contains(injected, f => f.Kind == kind);
        Assert.DoesNotContain(report.Scripts.SelectMany(s => s.Violations), v => v.Rule.Level == Rules.RuleLevel.MUST || v.Rule.Id is "NDMA5006" or "NDMA5015");
    }

    [Theory]
    [MemberData(nameof(EachFault))]
    public void The_minimal_sample_passes_the_suite_under_each_fault(string faults, FaultKind kind)
    {
        _ = kind;
        var report = RunSuite(new TypeDriverFactory(typeof(MinimalProvider), null), faults);

        Assert.True(report.Success, Explain(report));
        Assert.DoesNotContain(report.Scripts.SelectMany(s => s.Violations), v => v.Rule.Id is "NDMA5006" or "NDMA5015" or "NDMA2001" or "NDMA2002");
    }

    /// <summary>
    /// The WDM bus-master sample under a surprise removal mid-transfer: its device raises no more interrupts, so the
    /// DPC that would flush and free the piece in flight never runs; removal ends the piece (FlushAdapterBuffers,
    /// FreeMapRegisters, the IRP failed) before PutDmaAdapter (nc-wdm-pput_dma_adapter.md, NDMA4007). The WDM scripts
    /// that transfer see the removal, and no WDM script reports a violation.
    /// </summary>
    [Fact]
    public void The_WDM_sample_frees_the_map_registers_of_a_transfer_cut_short_by_a_surprise_removal_before_PutDmaAdapter()
    {
        var report = RunSuite(new TypeDriverFactory(null, typeof(NetDma.ReferenceProvider.Wdm.BusMasterSampleDriver)), "surprise-removal:every=3");

        Assert.True(report.Success, Explain(report));
        var wdmScripts = report.Scripts.Where(s => s.Name.Contains("-wdm-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(wdmScripts);
        Assert.All(wdmScripts, s => Assert.Empty(s.Violations));
        var cutShort = wdmScripts.Where(s => s.Faults.Any(f => f.Kind == FaultKind.SurpriseRemoval)).Select(s => s.Name);
        Assert.Equal(["14-wdm-bus-master", "26-wdm-dma-alignment"], cutShort); // the scripts with transfers; 20 has none.
    }

    [Fact]
    public void Under_a_pool_fault_a_failed_allocation_is_answered_with_a_documented_status_and_the_checks_after_it_do_not_decide()
    {
        var report = RunSuite(DriverRunners.ReferenceDrivers, "pool:every=1");

        var script = report.Scripts.Single(s => s.Name == "05-copy-single-descriptor");
        var fault = Assert.Single(script.Faults);
        Assert.Equal("ExAllocatePool2(NonPagedPoolNx, 128 bytes, tag 'NdmR')", fault.Point);
        Assert.StartsWith("returned NULL (call 1 counted by pool:every=1)", fault.Effect);
        Assert.Equal(12, fault.Location!.Value.Line);
        var undecided = script.Checks.Where(c => c.Step.EndsWith(ScriptExecution.UnderFaults, StringComparison.Ordinal)).ToList();
        Assert.Contains(undecided, c => c.Step.StartsWith("assert_status STATUS_SUCCESS", StringComparison.Ordinal) && c.Message.Contains("STATUS_INSUFFICIENT_RESOURCES"));
        Assert.Contains(undecided, c => c.Step.StartsWith("start ch0 c1", StringComparison.Ordinal) && c.Message.StartsWith("skipped:", StringComparison.Ordinal));
        Assert.All(undecided, c => Assert.True(c.Passed));
    }

    [Fact]
    public void The_reference_provider_answers_a_pool_failure_with_STATUS_RESOURCES_and_is_usable_once_the_window_closes()
    {
        const string text = """
            platform processors=2 msix=on netdma=2.0
            add_device
            start_device
            buffer src 1500 fill=pattern
            buffer dst 1500
            chain c1 src+0->dst+0:1500 interrupt=last status=on
            fault pool:every=1,limit=2
            allocate ch0 mask=0b10
            assert_status STATUS_INSUFFICIENT_RESOURCES
            allocate ch0 mask=0b10
            assert_status STATUS_INSUFFICIENT_RESOURCES
            allocate ch0 mask=0b10
            assert_status STATUS_SUCCESS
            start ch0 c1
            run
            assert_copied src+0 dst+0 1500
            assert_interrupts ch0 1
            free ch0
            stop_device
            remove_device
            assert_no_violation
            """;
        var result = RunOnReferenceDrivers(text, "pool-window.ndma");

        Assert.True(result.Outcome == ScriptOutcome.Passed, string.Join("\n", result.Failures.Select(f => f.Message)));
        Assert.Equal(2, result.Faults.Count);
        Assert.All(result.Faults, f => Assert.Equal(FaultKind.Pool, f.Kind));
        Assert.Empty(result.Violations);
    }

    [Fact]
    public void Under_a_bus_read_fault_the_reference_engine_halts_with_NetDmaTransferStatusHalted_and_the_channel_works_after_abort()
    {
        const string text = """
            platform processors=2 msix=on netdma=2.0
            add_device
            start_device
            buffer src 1500 fill=pattern
            buffer dst 1500
            chain c1 src+0->dst+0:750 src+750->dst+750:750 interrupt=last status=on
            allocate ch0 mask=0b10
            fault dma-read:every=4,limit=1
            start ch0 c1
            run
            assert_completion ch0 Halted
            fault none
            abort ch0
            start ch0 c1
            run
            assert_copied src+0 dst+0 1500
            assert_completion ch0 Idle
            free ch0
            stop_device
            remove_device
            assert_no_violation
            """;
        var result = RunOnReferenceDrivers(text, "dma-read.ndma");

        Assert.True(result.Outcome == ScriptOutcome.Passed, string.Join("\n", result.Failures.Select(f => f.Message)));
        var fault = Assert.Single(result.Faults);
        Assert.Equal(FaultKind.DmaRead, fault.Kind);
        Assert.StartsWith(@"\Device\NetDmaPdo0 DmaRead(", fault.Point);
        Assert.Empty(result.Violations);
    }

    [Fact]
    public void A_provider_that_keeps_a_pool_block_after_a_failed_allocation_is_caught_by_NDMA5015()
    {
        var report = ConformanceRun.Run([BundledScripts.SelfTestFile("ndma5015-leak-on-failed-allocation")],
            new TypeDriverFactory(typeof(LeakOnFailedAllocationProvider), null), Watchdog);

        var script = report.Scripts.Single();
        Assert.Equal(ScriptOutcome.Passed, script.Outcome);
        var violation = Assert.Single(script.Violations, v => v.Rule.Id == "NDMA5015");
        Assert.Equal("allocating-a-netdma-channel.md", violation.Page);
        Assert.Contains("ProviderAllocateDmaChannel returned STATUS_INSUFFICIENT_RESOURCES", violation.Actual);
        Assert.Contains("tag 'NdmS'", violation.Actual);
        Assert.Contains(violation.CallSequence, e => e.Contains("fault injected: pool", StringComparison.Ordinal));
    }

    [Fact]
    public void The_NDMA5015_self_test_fails_against_the_reference_drivers()
    {
        var script = ConformanceRun.Run([BundledScripts.SelfTestFile("ndma5015-leak-on-failed-allocation")], DriverRunners.ReferenceDrivers, Watchdog).Scripts.Single();

        Assert.Equal(ScriptOutcome.Failed, script.Outcome);
        Assert.Contains(script.Failures, f => f.Step == "assert_violation NDMA5015" && f.Message.Contains("none was reported"));
    }

    [Fact]
    public void The_suite_under_a_run_level_pool_fault_fails_the_leaking_provider_with_NDMA5015_and_passes_the_reference()
    {
        var broken = RunSuite(new TypeDriverFactory(typeof(LeakOnFailedAllocationProvider), null), "pool:every=2");
        var reference = RunSuite(DriverRunners.ReferenceDrivers, "pool:every=2");

        Assert.False(broken.Success);
        var failures = broken.Scripts.SelectMany(s => s.Failures).Where(f => f.RuleIds.Contains("NDMA5015")).ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Contains("allocating-a-netdma-channel.md", f.Message));
        Assert.True(reference.Success, Explain(reference));
    }

    [Fact]
    public void A_provider_that_crashes_on_a_NULL_pool_result_is_reported_as_NDMA2002_under_the_fault()
    {
        var report = RunSuite(new TypeDriverFactory(typeof(NullPoolDereferenceProvider), null), "pool:every=1");

        Assert.False(report.Success);
        Assert.Contains(report.Scripts.SelectMany(s => s.Failures), f => f.RuleIds.Contains("NDMA2002"));
        Assert.True(RunSuite(new TypeDriverFactory(typeof(NullPoolDereferenceProvider), null), "none").Success);
    }

    [Fact]
    public void The_same_spec_gives_the_same_injections_and_another_seed_differs()
    {
        static IReadOnlyList<string> Injections(string faults) =>
            [.. RunSuite(DriverRunners.ReferenceDrivers, faults).Scripts.SelectMany(s => s.Faults).Select(f => f.ToString())];

        var first = Injections("seed=5;pool:p=0.5");
        var again = Injections("seed=5;pool:p=0.5");
        var other = Injections("seed=6;pool:p=0.5");

        Assert.NotEmpty(first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_worker_injects_the_same_faults_as_this_process()
    {
        var spec = FaultSpec.Parse("seed=9;pool:p=0.5;interrupt:spurious=3");
        var inProcess = RunSuite(new InProcessScriptRunner(DriverRunners.ReferenceDrivers, Watchdog, spec));
        var worker = RunSuite(new WorkerScriptRunner(new DriverSource(typeof(global::NetDma.ReferenceProvider.NetDma.ReferenceNetDmaProviderDriver).Assembly.Location),
            new WorkerOptions { Watchdog = Watchdog, Faults = spec }));

        Assert.True(worker.Success, Explain(worker));
        Assert.Equal(inProcess.Scripts.SelectMany(s => s.Faults), worker.Scripts.SelectMany(s => s.Faults));
        Assert.NotEmpty(worker.Scripts.SelectMany(s => s.Faults));
    }
}
