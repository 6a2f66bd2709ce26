using System.Text.Json.Nodes;
using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>
/// The schema validation the report tests rely on is real: a report the kit writes passes, and the same report broken
/// in one place (a relative <c>informationUri</c>, a time that is not a date-time, a missing required property, an
/// exit code that contradicts the counts) fails, against the vendored OASIS SARIF schema and against
/// docs/schemas/netdma-report.schema.json.
/// </summary>
public sealed class ReportSchemaTests
{
    private static readonly Lazy<RunReport> BrokenRun = new(() => ConformanceRun.Run(
        [.. BundledScripts.ConformanceFiles.Where(f => f.DisplayName.EndsWith("03-allocate-msix-affinity.ndma", StringComparison.Ordinal))],
        new TypeDriverFactory(typeof(CpuOutsideMaskProvider), null), TimeSpan.FromSeconds(20)));

    private static JsonNode Sarif() => JsonNode.Parse(SarifReportWriter.ToJson(BrokenRun.Value))!;

    private static JsonNode JsonReport() => JsonNode.Parse(JsonReportWriter.ToJson(BrokenRun.Value))!;

    [Fact]
    public void The_kit_s_SARIF_and_JSON_reports_pass_their_schemas()
    {
        var errors = ReportSchemas.SarifErrors(Sarif().ToJsonString()).Concat(ReportSchemas.JsonReportErrors(JsonReport().ToJsonString())).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    public static TheoryData<string> SarifBreaks => ["relative informationUri", "relative helpUri", "startTimeUtc not a date-time", "startLine 0", "no version", "unknown property"];

    [Theory]
    [MemberData(nameof(SarifBreaks))]
    public void A_broken_SARIF_report_fails_the_OASIS_schema(string breakage)
    {
        var sarif = Sarif();
        var run = sarif["runs"]![0]!;
        switch (breakage)
        {
            case "relative informationUri":
                run["tool"]!["driver"]!["informationUri"] = "README.md";
                break;
            case "relative helpUri":
                run["tool"]!["driver"]!["rules"]![1]!["helpUri"] = "docs/rules/NDMA1001.md";
                break;
            case "startTimeUtc not a date-time":
                run["invocations"]![0]!["startTimeUtc"] = "yesterday";
                break;
            case "startLine 0":
                run["results"]![0]!["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = 0;
                break;
            case "no version":
                sarif.AsObject().Remove("version");
                break;
            default:
                run["results"]![0]!["severity"] = "high";
                break;
        }

        Assert.NotEmpty(ReportSchemas.SarifErrors(sarif.ToJsonString()));
    }

    public static TheoryData<string> JsonReportBreaks => ["exit code 0 with a failed script", "unknown outcome", "rule ID not NDMA", "endTime not a date-time", "no scripts", "skip reason on a failed script"];

    [Theory]
    [MemberData(nameof(JsonReportBreaks))]
    public void A_broken_JSON_report_fails_its_schema(string breakage)
    {
        var report = JsonReport();
        var script = report["scripts"]![0]!;
        switch (breakage)
        {
            case "exit code 0 with a failed script":
                report["exitCode"] = 0;
                break;
            case "unknown outcome":
                script["outcome"] = "crashed";
                break;
            case "rule ID not NDMA":
                script["violations"]![0]!["ruleId"] = "CA1000";
                break;
            case "endTime not a date-time":
                report["endTime"] = "12/01/2026 21:32";
                break;
            case "no scripts":
                report.AsObject().Remove("scripts");
                break;
            default:
                script["skipReason"] = "no reason";
                break;
        }

        Assert.NotEmpty(ReportSchemas.JsonReportErrors(report.ToJsonString()));
    }
}
