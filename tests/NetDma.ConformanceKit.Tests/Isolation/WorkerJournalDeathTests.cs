using System.Globalization;
using System.Text;
using NetDma.ConformanceKit.Isolation;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;

namespace NetDma.ConformanceKit.Tests.Isolation;

/// <summary>
/// A worker that dies after many observations loses none of them: the journal it committed them to outlives it, so
/// the crash report (NDMA2002) has the checks, the call sequence and the running routine the in-process path has at
/// the same instant, also when the journal was drained many times before the death.
/// </summary>
public sealed class WorkerJournalDeathTests
{
    private const string ScriptFile = "isolation/late-crash.ndma";

    /// <summary>Six rounds of allocate, transfer, check and free; the seventh allocate (<see cref="CrashLine"/>) crashes.</summary>
    private static readonly (string Text, int CrashLine) Case = Render();

    private static int CrashLine => Case.CrashLine;

    [Theory]
    [InlineData(256)]
    [InlineData(1 << 20)]
    public void A_FailFast_after_many_observations_reports_every_one_of_them(int journalCapacity)
    {
        var script = ScriptParser.Parse(Case.Text, ScriptFile);
        using var worker = new WorkerScriptRunner(new DriverSource(WorkerTestKit.TestAssembly, typeof(LateFailFastProvider).FullName),
            new WorkerOptions { Watchdog = WorkerTestKit.Watchdog, JournalCapacity = journalCapacity });

        var crashed = worker.Run(script);
        var inProcess = InProcessAtTheCrash(script);

        var death = Assert.Single(crashed.Violations, v => v.Rule.Id == StatusRules.CallbackReturns.Id);
        var expected = Assert.Single(inProcess.Violations, v => v.Rule.Id == StatusRules.CallbackReturns.Id);
        Assert.Contains(LateFailFastProvider.Message, death.Actual, StringComparison.Ordinal);
        Assert.Equal(CrashLine, death.Location?.Line);
        Assert.Equal(expected.Location, death.Location);
        Assert.Equal(expected.CallSequence, death.CallSequence);
        // The report quotes the trace's last 20 lines, ending with the call that never returned.
        Assert.Equal(20, death.CallSequence.Count);
        Assert.Contains("-> ProviderAllocateDmaChannel(", death.CallSequence[^1], StringComparison.Ordinal);
        // Every check before the crash, in order (the last check of each is the crash's own, whose text names how it died).
        Assert.Equal(Describe(inProcess.Checks.SkipLast(1)), Describe(crashed.Checks.SkipLast(1)));
        Assert.True(crashed.Checks.Count > 6 * 2, $"{crashed.Checks.Count} checks");
    }

    /// <summary>The same script in this process, its recorder read at the instant the crashing allocation is called.</summary>
    private static ScriptResult InProcessAtTheCrash(Script script)
    {
        var recorder = new ScriptRecorder(script);
        InProcessLateCrash.Recorder = recorder;
        InProcessLateCrash.AtCrash = null;
        var execution = new ScriptExecution(script, new TypeDriverFactory(typeof(InProcessLateCrash), null), recorder);
        execution.Run();
        return InProcessLateCrash.AtCrash ?? throw new InvalidOperationException("the crashing allocation was not reached in process");
    }

    private static IEnumerable<string> Describe(IEnumerable<CheckResult> checks) =>
        checks.Select(c => $"{c.Location} {c.Step} {c.Passed} [{string.Join(",", c.RuleIds)}] {c.Message}");

    private static (string, int) Render()
    {
        var text = new StringBuilder("""
            title "six good allocations, then one that ends the process"
            platform processors=2 msix=off netdma=2.0
            add_device
            start_device
            buffer src 8192 fill=pattern
            buffer dst 8192

            """);
        for (var round = 0; round < LateFailFastProvider.CrashingAllocation - 1; round++)
        {
            var offset = round * 512;
            text.Append(CultureInfo.InvariantCulture, $"""
                chain c{round} src+{offset}->dst+{offset}:512
                allocate ch0 mask=0b01
                start ch0 c{round}
                assert_status STATUS_SUCCESS
                run
                assert_copied src+{offset} dst+{offset} 512
                free ch0

                """);
        }

        var crashLine = text.ToString().Count(c => c == '\n') + 1;
        text.Append("""
            allocate ch0 mask=0b01
            free ch0
            stop_device
            remove_device
            """);
        return (text.ToString(), crashLine);
    }

    /// <summary>
    /// <see cref="LateFailFastProvider"/> as run in this process: at the crashing allocation it takes the recorder's
    /// crash report, which is what the kit reports for a worker that dies there, and unwinds instead of ending the process.
    /// </summary>
    public sealed class InProcessLateCrash : LateFailFastProvider
    {
        internal static ScriptRecorder? Recorder { get; set; }

        internal static ScriptResult? AtCrash { get; set; }

        protected override void Misbehave()
        {
            AtCrash = Recorder!.Crashed("in process", TimeSpan.Zero);
            throw new InvalidOperationException("the in-process stand-in for the FailFast");
        }
    }
}
