using System.Text;
using System.Text.RegularExpressions;
using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.Support;
using NetDma.ReferenceProvider.NetDma;
using Snapshooter.Xunit;
using Spectre.Console;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>
/// Snapshots of what users read: the console report, the JUnit XML, the SARIF and the JSON report, for a passing run, a
/// run with a broken provider (failed assertions, violations with their call sequences) and a skipped script. Times and
/// durations are replaced by <c>[scrubbed]</c> (they differ on every run); everything else is deterministic (script
/// names relative to the scripts folder), so any change shows as a snapshot diff.
/// </summary>
public sealed partial class ReportSnapshotTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    private static IReadOnlyList<ScriptFile> Conformance(params string[] names) =>
        [.. BundledScripts.ConformanceFiles.Where(f => names.Any(n => f.DisplayName.EndsWith(n + ConformanceRun.ScriptExtension, StringComparison.Ordinal)))];

    /// <summary>The console report as a redirected console writes it (no ANSI, no colour), 120 columns wide, summary included.</summary>
    internal static string Render(RunReport report)
    {
        var output = new StringWriter(new StringBuilder());
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 120;
        foreach (var script in report.Scripts)
        {
            ConsoleReport.WriteScript(console, script);
        }

        ConsoleReport.WriteSummary(console, report);
        return output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The report with its times and durations and the kit's version (it names the commit), the only values that differ between runs, replaced.</summary>
    private static string Scrubbed(string report) => TimeValue().Replace(report.Replace(KitVersion.Current, "[version]", StringComparison.Ordinal), m => $"{m.Groups["name"].Value}{m.Groups["open"].Value}[scrubbed]{m.Groups["close"].Value}");

    [GeneratedRegex("""(?<name>\b(?:time|timestamp)=|"(?:startTimeUtc|endTimeUtc|startTime|endTime|durationSeconds)": )(?<open>"?)(?<value>[^",\n]*)(?<close>"?)""")]
    private static partial Regex TimeValue();

    private static RunReport PassingRun() =>
        ConformanceRun.Run(Conformance("05-copy-single-descriptor", "14-wdm-bus-master"), DriverRunners.ReferenceDrivers, Watchdog);

    private static RunReport BrokenRun() =>
        ConformanceRun.Run(Conformance("03-allocate-msix-affinity", "14-wdm-bus-master"), new TypeDriverFactory(typeof(CpuOutsideMaskProvider), null), Watchdog);

    [Fact]
    public void Console_report_of_a_passing_run()
    {
        Snapshot.Match(Render(PassingRun()));
    }

    [Fact]
    public void Console_report_of_a_broken_provider_names_rules_pages_and_call_sequence()
    {
        var text = Render(BrokenRun());

        Assert.Contains("NDMA3004", text);
        Assert.Contains("nc-netdma-dma_channel_allocate_handler.md", text);
        Assert.Contains("call sequence", text);
        Snapshot.Match(text);
    }

    [Fact]
    public void JUnit_report_of_a_passing_run()
    {
        Snapshot.Match(Scrubbed(JUnitReportWriter.ToXml(PassingRun()).ToString()));
    }

    [Fact]
    public void JUnit_report_of_a_broken_provider_with_a_skipped_script()
    {
        var xml = JUnitReportWriter.ToXml(BrokenRun());

        Assert.Single(xml.Descendants("skipped"));
        Assert.Single(xml.Descendants("failure"));
        Snapshot.Match(Scrubbed(xml.ToString()));
    }

    [Fact]
    public void SARIF_report_of_a_broken_provider()
    {
        Snapshot.Match(Scrubbed(SarifReportWriter.ToJson(BrokenRun())));
    }

    [Fact]
    public void JSON_report_of_a_broken_provider_with_a_skipped_script()
    {
        Snapshot.Match(Scrubbed(JsonReportWriter.ToJson(BrokenRun())));
    }

    [Fact]
    public void Reference_provider_type_is_the_bundled_default()
    {
        Assert.Contains(typeof(ReferenceNetDmaProviderDriver).FullName!, DriverRunners.ReferenceDrivers.Name);
    }
}
