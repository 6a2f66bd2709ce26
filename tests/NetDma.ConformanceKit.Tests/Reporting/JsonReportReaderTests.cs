using System.Text.Json.Nodes;
using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Reporting.Merging;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.Cli;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>
/// <see cref="JsonReportReader"/>: a kit JSON report read back is the report that was written (every writer gives the
/// same text from it), and every way a file can fail to be one of this kit's reports is one line naming the file and
/// the place.
/// </summary>
public sealed class JsonReportReaderTests
{
    private static readonly Lazy<RunReport> BrokenRun = new(() => ConformanceRun.Run(
        [.. BundledScripts.ConformanceFiles.Where(f => f.DisplayName.EndsWith("03-allocate-msix-affinity.ndma", StringComparison.Ordinal)
            || f.DisplayName.EndsWith("14-wdm-bus-master.ndma", StringComparison.Ordinal))],
        new TypeDriverFactory(typeof(CpuOutsideMaskProvider), null), TimeSpan.FromSeconds(20)));

    private static string Json() => JsonReportWriter.ToJson(BrokenRun.Value);

    [Fact]
    public void A_report_read_back_writes_the_same_JSON_SARIF_and_JUnit()
    {
        var original = BrokenRun.Value;
        Assert.Contains(original.Scripts, s => s.Outcome == ScriptOutcome.Failed); // violations, checks with locations
        Assert.Contains(original.Scripts, s => s.DriverKind == ConformanceKit.Scripting.DriverCommand.Wdm);

        var read = JsonReportReader.Parse(JsonReportWriter.ToJson(original), "broken.json");

        Assert.Equal(JsonReportWriter.ToJson(original), JsonReportWriter.ToJson(read));
        Assert.Equal(SarifReportWriter.ToJson(original), SarifReportWriter.ToJson(read));
        Assert.Equal(JUnitReportWriter.ToXml(original).ToString(), JUnitReportWriter.ToXml(read).ToString());
    }

    [Fact]
    public void A_report_with_injected_faults_reads_back_with_its_spec_and_every_fault()
    {
        using var kit = new CliTestKit();
        var json = Path.Combine(kit.Folder, "faults.json");
        RunCommand.Execute(kit.Console, null, null, Path.Combine(BundledScripts.Conformance, "05-copy-single-descriptor.ndma"), null, null,
            CliTestKit.Watchdog, inProcess: true, new FileInfo(json), ConformanceKit.Faults.FaultSpec.Parse("seed=2;pool:every=1"));
        var written = File.ReadAllText(json);

        var read = JsonReportReader.Read(json);

        Assert.Equal("seed=2;pool:every=1", read.Faults?.ToString());
        Assert.NotEmpty(read.Scripts.SelectMany(s => s.Faults));
        Assert.Equal(written, JsonReportWriter.ToJson(read));
    }

    public static TheoryData<string, string> Breaks => new()
    {
        { "not JSON", "broken.json:3:1: not valid JSON" },
        { "a JSON array", "broken.json: not a netdma-kit JSON report (no formatVersion" },
        { "format version 1", "broken.json: a JSON report of format version 1; this kit reads format version 2" },
        { "no tool", "broken.json: not a netdma-kit JSON report of this kit version (no tool.version)" },
        { "another kit version", "broken.json: written by netdma-kit 0.1.0+0000000, this is netdma-kit " },
        { "no checks", "broken.json: not a netdma-kit JSON report: scripts[0].checks is missing" },
        { "line as text", "broken.json: not a netdma-kit JSON report: scripts[0].checks[0].location.line is not a 32-bit integer" },
        { "unknown rule", "broken.json: not a netdma-kit JSON report: scripts[0].violations[0].ruleId 'NDMA9999' is not a rule of this kit's catalog" },
        { "unknown outcome", "broken.json: not a netdma-kit JSON report: scripts[0].outcome 'maybe' is not passed, failed or skipped" },
    };

    [Theory]
    [MemberData(nameof(Breaks))]
    public void A_file_that_is_not_this_kit_s_report_is_one_line_naming_the_file_and_place(string breakage, string expected)
    {
        var text = Break(Json(), breakage);

        var error = Assert.Throws<ReportMergeException>(() => JsonReportReader.Parse(text, "broken.json"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_missing_file_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "ndma-no-such-report-" + Guid.NewGuid().ToString("N") + ".json");

        var error = Assert.Throws<ReportMergeException>(() => JsonReportReader.Read(path));

        Assert.Equal($"{path}: no such report file", error.Message);
    }

    private static string Break(string json, string breakage)
    {
        if (breakage == "not JSON")
        {
            // A stray comma where the third line's property should be.
            var lines = json.Split('\n');
            lines[2] = ",";
            return string.Join('\n', lines);
        }

        if (breakage == "a JSON array")
        {
            return "[1, 2]";
        }

        var root = JsonNode.Parse(json)!.AsObject();
        var script = root["scripts"]!.AsArray().Select(s => s!.AsObject()).First(s => (string?)s["outcome"] == "failed");
        switch (breakage)
        {
            case "format version 1":
                root["formatVersion"] = 1;
                break;
            case "no tool":
                root.Remove("tool");
                break;
            case "another kit version":
                root["tool"]!["version"] = "0.1.0+0000000";
                break;
            case "no checks":
                script.Remove("checks");
                break;
            case "line as text":
                script["checks"]![0]!["location"]!["line"] = "10";
                break;
            case "unknown rule":
                script["violations"]![0]!["ruleId"] = "NDMA9999";
                break;
            case "unknown outcome":
                script["outcome"] = "maybe";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }

        // The failed script first, so the paths above say scripts[0].
        var scripts = root["scripts"]!.AsArray();
        scripts.Remove(script);
        scripts.Insert(0, script);
        return root.ToJsonString();
    }
}
