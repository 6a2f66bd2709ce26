using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;

namespace NetDma.ConformanceKit.Tests.Concurrency;

/// <summary>
/// A bug that only concurrent schedules show, planted in a broken provider: the script whose concurrent block lets it
/// happen, the rule it breaks, how to tell its violation from others, and the seed the tests explore it with (the
/// benchmark program measures the schedules it takes to find over many seeds).
/// </summary>
/// <param name="Name">The bug class, in test names and the performance table.</param>
/// <param name="Provider">The broken provider.</param>
/// <param name="Script">The script.</param>
/// <param name="Rule">The rule ID the bug breaks.</param>
/// <param name="Symptom">The start of the violation's Actual text that marks this bug (other races may break the same rule).</param>
/// <param name="Seed">The seed of the tests' 1,000-schedule exploration.</param>
public sealed record PlantedRace(string Name, Type Provider, string Script, string Rule, string Symptom, uint Seed)
{
    /// <summary>The drivers: the broken provider and the reference WDM driver.</summary>
    public IDriverFactory Drivers => new TypeDriverFactory(Provider, null);

    /// <summary>True for the violation this bug causes.</summary>
    public bool IsTheBug(Violation violation) => violation.Rule.Id == Rule && violation.Actual.StartsWith(Symptom, StringComparison.Ordinal);

    /// <summary>The five bug classes of issue 8's first paragraph.</summary>
    public static IReadOnlyList<PlantedRace> All { get; } =
    [
        new("lock-order inversion", typeof(LockOrderInversionProvider), ScheduleExplorationTests.AppendsOnTwoChannels, "NDMA2003", "deadlock:", 3),
        new("missing lock between append and DPC", typeof(UnlockedReportCountProvider), AppendWhileTheDpcReports, "NDMA3023", "no NetDmaInterruptDpc", 1),
        new("ISR-shared state under a DISPATCH_LEVEL lock", typeof(IsrSharedCountAtDispatchProvider), InterruptsDuringTheDpc, "NDMA3023", "no NetDmaInterruptDpc", 1),
        new("channel freed while its DPC runs", typeof(FreeWhileDpcRunsProvider), FreeRacingTheLastCompletion, "NDMA3015", "NetDmaInterruptDpc(", 1),
        new("check-then-act on a counter", typeof(SharedBlockDoubleFreeProvider), FreesOnTwoProcessors, "NDMA5003", "ExFreePool(", 1),
    ];

    /// <summary>The case called <paramref name="name"/>.</summary>
    public static PlantedRace Named(string name) => All.Single(r => r.Name == name);

    /// <summary>An append from cpu1 while the DPC of the started chain's completion reports on cpu0.</summary>
    internal const string AppendWhileTheDpcReports = """
        title "append from cpu1 while the DPC of the first chain's completion reports on cpu0"
        platform processors=2 msix=on
        add_device
        start_device
        buffer src 4096 fill=pattern
        buffer dst 4096
        chain c1 null
        chain c2 src+0->dst+0:1024
        allocate ch0 mask=0b01
        assert_status STATUS_SUCCESS
        start ch0 c1
        concurrently
          run
          append ch0 c2 cpu=1
        end
        run
        assert_copied src+0 dst+0 1024
        free ch0
        """;

    /// <summary>One processor, a chain interrupting after each descriptor: the ISR lands inside the DPC it queued.</summary>
    internal const string InterruptsDuringTheDpc = """
        title "interrupts after each descriptor while the interrupt DPC runs on the same processor"
        platform processors=1 msix=off
        add_device
        start_device
        buffer src 8192 fill=pattern
        buffer dst 8192
        chain c1 src+0->dst+0:1024 src+1024->dst+1024:1024 src+2048->dst+2048:1024 src+3072->dst+3072:1024 interrupt=each
        allocate ch0 mask=0b1
        assert_status STATUS_SUCCESS
        start ch0 c1
        run
        assert_copied src+0 dst+0 4096
        free ch0
        """;

    /// <summary>
    /// NetDMA frees the channel from cpu1 once its last descriptor completed, while that completion's ISR and DPC run on
    /// cpu0: the bundled conformance script <c>28-free-racing-last-completion</c>, so the suite's own
    /// <c>run --schedules</c> covers this bug class too.
    /// </summary>
    internal static string FreeRacingTheLastCompletion =>
        File.ReadAllText(Path.Combine(Support.BundledScripts.Conformance, "28-free-racing-last-completion" + ConformanceRun.ScriptExtension));

    /// <summary>Two channels freed at the same time from two processors.</summary>
    internal const string FreesOnTwoProcessors = """
        title "two channels freed at the same time from two processors"
        platform processors=2 msix=off
        add_device
        start_device
        buffer src 4096 fill=pattern
        buffer dst 4096
        chain c1 src+0->dst+0:512
        chain c2 src+512->dst+512:512
        allocate ch0 mask=0b01
        allocate ch1 mask=0b10
        start ch0 c1
        start ch1 c2
        run
        assert_copied src+0 dst+0 1024
        concurrently
          free ch0 cpu=0
          free ch1 cpu=1
        end
        """;
}
