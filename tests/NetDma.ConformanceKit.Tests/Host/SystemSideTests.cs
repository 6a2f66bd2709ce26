using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Faults;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Host;

/// <summary>
/// NetDMA's own side of the contract: it waits for outstanding DMA before ProviderFreeDmaChannel and before
/// NetDmaProviderStop returns (NDMA3030), a surprise-removed device ends those waits and gets only
/// IRP_MN_REMOVE_DEVICE, and an invalid descriptor makes the engine report an error.
/// </summary>
public sealed class SystemSideTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    /// <summary>Collects the call trace of one execution, passing or not.</summary>
    private sealed class TraceObserver : IExecutionObserver
    {
        public List<string> Entries { get; } = [];

        public List<CheckResult> Checks { get; } = [];

        public List<Violation> Violations { get; } = [];

        public void CommandStarted(SourceLocation location)
        {
        }

        public void Traced(in TraceEntry entry) => Entries.Add(entry.ToString());

        public void RoutineEntered(in TraceEntry entry, bool traced, int thread) => Entries.Add(entry.ToString());

        public void RoutineLeft(bool returned, int thread)
        {
        }

        public void LaneStarted(SourceLocation location, int thread)
        {
        }

        public void LaneEnded(int thread)
        {
        }

        public void ViolationReported(Violation violation) => Violations.Add(violation);

        public void CheckRecorded(CheckResult check) => Checks.Add(check);

        public void FaultInjected(InjectedFault fault)
        {
        }
    }

    private static TraceObserver Execute(string bundledConformanceScript, IDriverFactory factory, FaultSpec? faults = null)
    {
        var path = Path.Combine(BundledScripts.Conformance, bundledConformanceScript + ".ndma");
        var observer = new TraceObserver();
        new ScriptExecution(ScriptParser.Parse(File.ReadAllText(path), path), factory, observer, faults).Run();
        return observer;
    }

    [Fact]
    public void A_stop_with_busy_channels_resumes_the_suspended_one_and_waits_for_both_before_each_free()
    {
        var run = Execute("21-stop-with-channels-busy", DriverRunners.ReferenceDrivers);

        Assert.Empty(run.Violations);
        Assert.All(run.Checks, c => Assert.True(c.Passed, c.Message));
        var entries = run.Entries;
        var stop = entries.FindIndex(e => e.Contains("-> NetDmaProviderStop(", StringComparison.Ordinal));
        var resume = entries.FindIndex(e => e.StartsWith("NetDMA resumes ch1: 2 outstanding descriptor(s) must complete before ProviderFreeDmaChannel inside NetDmaProviderStop", StringComparison.Ordinal));
        var waitCh1 = entries.FindIndex(e => e.StartsWith("NetDMA waits for 2 outstanding descriptor(s) of ch1", StringComparison.Ordinal));
        var idleCh1 = entries.FindIndex(e => e.StartsWith("NetDMA: ch1 has no outstanding DMA operation", StringComparison.Ordinal));
        var freeCh1 = entries.FindIndex(e => e.Contains("ProviderFreeDmaChannel(ch1)", StringComparison.Ordinal));
        Assert.True(stop >= 0 && stop < resume && resume < waitCh1 && waitCh1 < idleCh1 && idleCh1 < freeCh1, string.Join("\n", entries));
        Assert.Contains(entries, e => e.StartsWith("NetDMA waits for 3 outstanding descriptor(s) of ch0 before ProviderFreeDmaChannel inside NetDmaProviderStop", StringComparison.Ordinal));
    }

    [Fact]
    public void A_provider_whose_outstanding_descriptors_never_complete_is_NDMA3030_with_the_wait_in_the_call_sequence()
    {
        var result = ConformanceRun.Run([BundledScripts.SelfTestFile("ndma3030-outstanding-never-complete")],
            new TypeDriverFactory(typeof(StartIgnoredProvider), null), Watchdog).Scripts.Single();

        var violation = Assert.Single(result.Violations, v => v.Rule.Id == "NDMA3030");
        Assert.Contains("the 2 outstanding descriptor(s) of ch0 completed", violation.Expected);
        Assert.Contains("the hardware went idle after", violation.Actual);
        Assert.Contains("submitted, not yet fetched by the engine", violation.Actual);
        Assert.Contains(violation.CallSequence, e => e.Contains("NetDMA waits for 2 outstanding descriptor(s) of ch0 before ProviderFreeDmaChannel", StringComparison.Ordinal));
    }

    [Fact]
    public void After_a_surprise_removal_no_wait_is_made_and_no_stop_is_sent()
    {
        var run = Execute("24-surprise-removal", DriverRunners.ReferenceDrivers);

        Assert.Empty(run.Violations);
        Assert.All(run.Checks, c => Assert.True(c.Passed, c.Message));
        Assert.Contains(run.Entries, e => e.Contains("left the bus (surprise removal)", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Entries, e => e.StartsWith("NetDMA waits for", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Entries, e => e.Contains("IRP_MN_STOP_DEVICE", StringComparison.Ordinal));
        Assert.Contains(run.Entries, e => e.Contains("-> NetDmaProviderStop(", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stop_device_after_a_surprise_removal_is_a_script_error()
    {
        const string text = """
            add_device
            start_device
            fault surprise-removal:every=1
            buffer src 1024 fill=pattern
            buffer dst 1024
            chain c1 src+0->dst+0:1024 interrupt=last status=on
            allocate ch0 mask=0b0001
            start ch0 c1
            run
            stop_device
            remove_device
            """;
        var observer = new TraceObserver();
        new ScriptExecution(ScriptParser.Parse(text, "removed.ndma"), DriverRunners.ReferenceDrivers, observer).Run();

        var error = Assert.Single(observer.Checks, c => !c.Passed);
        Assert.Equal(10, error.Location.Line);
        Assert.Contains("the PnP manager sends no IRP_MN_STOP_DEVICE to a device that was surprise-removed", error.Message);
    }

    [Theory]
    [InlineData("surprise_remove\n", 1, "'surprise_remove' only while a device is added and still on the bus")]
    [InlineData("add_device\nsurprise_remove\nstop_device\n", 3, "'remove_device' after 'surprise_remove'")]
    [InlineData("add_device\nsurprise_remove\nremove_device\nadd_device\n", 4, "no PnP command after the 'remove_device' of a surprise-removed device")]
    [InlineData("add_device\nsurprise_remove\nsurprise_remove\n", 3, "'surprise_remove' only while a device is added and still on the bus")]
    public void The_parser_keeps_the_PnP_order_of_a_surprise_removal(string text, int line, string expected)
    {
        var error = Assert.Throws<ScriptParseException>(() => ScriptParser.Parse(text, "order.ndma"));

        Assert.Equal(line, error.Location.Line);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Surprise_remove_round_trips_through_the_formatter()
    {
        var script = ScriptParser.Parse("add_device\nsurprise_remove\nremove_device\n", "x.ndma");

        Assert.Equal("add_device\nsurprise_remove\nremove_device\n", ScriptFormatter.Format(script));
    }

    [Fact]
    public void An_invalid_descriptor_makes_the_reference_engine_halt_and_report_NULL_with_no_overrun_reported()
    {
        var run = Execute("25-descriptor-error", DriverRunners.ReferenceDrivers);

        Assert.Empty(run.Violations);
        Assert.All(run.Checks, c => Assert.True(c.Passed, c.Message));
        Assert.Contains(run.Entries, e => e.Contains("no memory answers there (no memory: descriptor fault); master abort", StringComparison.Ordinal));
        Assert.Contains(run.Entries, e => e.Contains("NetDmaInterruptDpc(", StringComparison.Ordinal) && e.Contains("DmaDescriptor=NULL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("surprise-removal:every=30", "seed=0;surprise-removal:every=30")]
    [InlineData("seed=3;surprise-removal:p=0.05", "seed=3;surprise-removal:p=0.05")]
    [InlineData("descriptor:every=2,limit=1", "seed=0;descriptor:every=2,limit=1")]
    public void The_new_fault_kinds_parse_to_their_stable_form(string text, string canonical)
    {
        var spec = FaultSpec.Parse(text);

        Assert.Equal(canonical, spec.ToString());
        Assert.Equal(spec, FaultSpec.Parse(spec.ToString()));
    }

    [Theory]
    [InlineData("surprise-removal", "expected 'surprise-removal' with exactly one of every=N or p=x, found neither")]
    [InlineData("descriptor", "expected 'descriptor:every=N', found 'descriptor' without every=")]
    public void The_new_fault_kinds_need_their_parameters(string text, string message)
    {
        var error = Assert.Throws<FaultSpecException>(() => FaultSpec.Parse(text));

        Assert.StartsWith(message, error.Message);
    }
}
