using System.Text.Json;
using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>
/// The SARIF 2.1.0 report: every catalog rule declared with its help page, descriptions, level and pages; one
/// invocation with the exit code and times; one located result per failed check, none for a pass; script locations
/// relative to <see cref="SarifReportWriter.ScriptsUriBaseId"/>.
/// </summary>
public sealed class SarifReportWriterTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    private static RunReport RunReport(IDriverFactory drivers, params string[] scripts)
    {
        var files = BundledScripts.ConformanceFiles.Where(f => scripts.Any(s => f.DisplayName.Contains(s, StringComparison.Ordinal))).ToList();
        return ConformanceRun.Run(files, drivers, Watchdog);
    }

    private static JsonElement Sarif(RunReport report) => JsonDocument.Parse(SarifReportWriter.ToJson(report)).RootElement;

    private static JsonElement Run(IDriverFactory drivers, params string[] scripts) => Sarif(RunReport(drivers, scripts));

    private static IDriverFactory CpuOutsideMask => new TypeDriverFactory(typeof(CpuOutsideMaskProvider), null);

    [Fact]
    public void The_document_is_SARIF_2_1_0_and_declares_every_catalog_rule()
    {
        var sarif = Run(NetDma.ConformanceKit.Cli.DriverRunners.ReferenceDrivers, "05-copy-single-descriptor");

        Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
        var run = Assert.Single(sarif.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal(DocumentationLinks.Tool.AbsoluteUri, driver.GetProperty("informationUri").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal([SarifReportWriter.ScriptFailureRuleId, .. RuleCatalog.All.Select(r => r.Id)], rules);
        Assert.Empty(run.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public void Every_catalog_rule_has_its_help_page_descriptions_level_and_pages()
    {
        var rules = Run(NetDma.ConformanceKit.Cli.DriverRunners.ReferenceDrivers, "05-copy-single-descriptor")
            .GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!);

        Assert.All(RuleCatalog.All, rule =>
        {
            var declared = rules[rule.Id];
            if (DocumentationLinks.ForRule(rule) is { } help)
            {
                Assert.Equal(help.AbsoluteUri, declared.GetProperty("helpUri").GetString());
            }
            else
            {
                Assert.False(declared.TryGetProperty("helpUri", out _), $"{rule.Id} has no corpus page, so no Microsoft help page");
            }

            Assert.Equal(rule.Statement, declared.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.Contains($"source: {rule.Source};", declared.GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.Equal(rule.Level == RuleLevel.MUST ? "error" : "warning", declared.GetProperty("defaultConfiguration").GetProperty("level").GetString());
            var properties = declared.GetProperty("properties");
            Assert.Equal(rule.Page, properties.GetProperty("sourcePage").GetString());
            Assert.Equal(DocumentationLinks.RepositoryPage(rule), properties.GetProperty("documentationPage").GetString());
        });
        Assert.Equal("warning", rules["NDMA5006"].GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [Fact]
    public void The_invocation_gives_the_exit_code_and_the_run_s_UTC_start_and_end()
    {
        var passing = RunReport(NetDma.ConformanceKit.Cli.DriverRunners.ReferenceDrivers, "05-copy-single-descriptor");
        var failing = RunReport(CpuOutsideMask, "03-allocate-msix-affinity");

        foreach (var (report, exitCode) in new[] { (passing, 0), (failing, 1) })
        {
            var invocation = Assert.Single(Sarif(report).GetProperty("runs")[0].GetProperty("invocations").EnumerateArray());
            Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
            Assert.Equal(exitCode, invocation.GetProperty("exitCode").GetInt32());
            Assert.Equal(report.StartTime.ToUnixTimeMilliseconds(), invocation.GetProperty("startTimeUtc").GetDateTimeOffset().ToUnixTimeMilliseconds());
            Assert.Equal(report.EndTime.ToUnixTimeMilliseconds(), invocation.GetProperty("endTimeUtc").GetDateTimeOffset().ToUnixTimeMilliseconds());
            Assert.EndsWith("Z", invocation.GetProperty("startTimeUtc").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_failed_check_is_a_result_at_its_script_line_with_its_rule_and_page()
    {
        var sarif = Run(CpuOutsideMask, "03-allocate-msix-affinity");

        var run = sarif.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        var first = results[0];
        Assert.Equal("NDMA3004", first.GetProperty("ruleId").GetString());
        Assert.Equal("error", first.GetProperty("level").GetString());
        Assert.Equal("NDMA3004", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[first.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        Assert.Contains("nc-netdma-dma_channel_allocate_handler.md", first.GetProperty("message").GetProperty("text").GetString());
        var location = first.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("conformance/03-allocate-msix-affinity.ndma", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(SarifReportWriter.ScriptsUriBaseId, location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.True(run.GetProperty("originalUriBaseIds").TryGetProperty(SarifReportWriter.ScriptsUriBaseId, out _));
        Assert.Equal(10, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(1, location.GetProperty("region").GetProperty("startColumn").GetInt32());
    }

    [Theory]
    [InlineData("conformance/05-copy.ndma", "conformance/05-copy.ndma")]
    [InlineData("my script #1.ndma", "my%20script%20%231.ndma")]
    [InlineData("100%/ü.ndma", "100%25/%C3%BC.ndma")]
    [InlineData(@"nested\c:.ndma", "nested/c%3A.ndma")]
    public void A_script_name_becomes_a_relative_URI_reference_to_the_same_file(string file, string uri)
    {
        Assert.Equal(uri, SarifReportWriter.ScriptUri(file));
    }
}
