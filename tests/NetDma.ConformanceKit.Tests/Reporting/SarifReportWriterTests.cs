using System.Text.Json;
using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>The SARIF 2.1.0 report: every catalog rule declared, one located result per failed check, none for a pass.</summary>
public sealed class SarifReportWriterTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    private static JsonElement Run(IDriverFactory drivers, params string[] scripts)
    {
        var files = BundledScripts.ConformanceFiles.Where(f => scripts.Any(s => f.DisplayName.Contains(s, StringComparison.Ordinal))).ToList();
        var report = ConformanceRun.Run(files, drivers, Watchdog);
        return JsonDocument.Parse(SarifReportWriter.ToJson(report)).RootElement;
    }

    [Fact]
    public void The_document_is_SARIF_2_1_0_and_declares_every_catalog_rule()
    {
        var sarif = Run(NetDma.ConformanceKit.Cli.DriverRunners.ReferenceDrivers, "05-copy-single-descriptor");

        Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
        var run = Assert.Single(sarif.GetProperty("runs").EnumerateArray());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal([SarifReportWriter.ScriptFailureRuleId, .. RuleCatalog.All.Select(r => r.Id)], rules);
        Assert.Empty(run.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public void Each_failed_check_is_a_result_at_its_script_line_with_its_rule_and_page()
    {
        var sarif = Run(new TypeDriverFactory(typeof(CpuOutsideMaskProvider), null), "03-allocate-msix-affinity");

        var results = sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        var first = results[0];
        Assert.Equal("NDMA3004", first.GetProperty("ruleId").GetString());
        Assert.Equal("error", first.GetProperty("level").GetString());
        Assert.Contains("ns-netdma-_net_dma_channel_parameters.md", first.GetProperty("message").GetProperty("text").GetString());
        var location = first.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("conformance/03-allocate-msix-affinity.ndma", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(10, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }
}
