using System.Text.Json;
using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>
/// The JSON report holds what the kit knows about a run, in camelCase: counts, exit code, times and durations in
/// seconds, and per script every check and every violation (expected ones too) with its location.
/// </summary>
public sealed class JsonReportWriterTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    private static RunReport Run(params string[] names)
    {
        var files = BundledScripts.ConformanceFiles.Where(f => names.Any(n => f.DisplayName.EndsWith(n + ConformanceRun.ScriptExtension, StringComparison.Ordinal))).ToList();
        return ConformanceRun.Run(files, new TypeDriverFactory(typeof(CpuOutsideMaskProvider), null), Watchdog);
    }

    [Fact]
    public void The_run_has_its_driver_counts_exit_code_and_times()
    {
        var report = Run("03-allocate-msix-affinity", "05-copy-single-descriptor", "14-wdm-bus-master");

        var json = JsonDocument.Parse(JsonReportWriter.ToJson(report)).RootElement;

        Assert.Equal(JsonReportWriter.FormatVersion, json.GetProperty("formatVersion").GetInt32());
        Assert.Equal(report.Driver, json.GetProperty("driver").GetString());
        Assert.Equal((0, 2, 1), (json.GetProperty("passed").GetInt32(), json.GetProperty("failed").GetInt32(), json.GetProperty("skipped").GetInt32()));
        Assert.Equal(1, json.GetProperty("exitCode").GetInt32());
        Assert.Equal(report.StartTime.ToUnixTimeMilliseconds(), json.GetProperty("startTime").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(report.EndTime.ToUnixTimeMilliseconds(), json.GetProperty("endTime").GetDateTimeOffset().ToUnixTimeMilliseconds());
        // The duration the report states is the difference of the start and end it writes (to the millisecond).
        var written = (report.EndTime.ToUnixTimeMilliseconds() - report.StartTime.ToUnixTimeMilliseconds()) / 1000.0;
        Assert.Equal(written, json.GetProperty("durationSeconds").GetDouble());
        var skipped = json.GetProperty("scripts")[2];
        Assert.Equal("skipped", skipped.GetProperty("outcome").GetString());
        Assert.Equal(report.Scripts[2].SkipReason, skipped.GetProperty("skipReason").GetString());
    }

    [Fact]
    public void A_script_has_every_check_and_violation_with_its_location()
    {
        var report = Run("03-allocate-msix-affinity");
        var result = report.Scripts[0];

        var script = JsonDocument.Parse(JsonReportWriter.ToJson(report)).RootElement.GetProperty("scripts")[0];

        Assert.Equal("conformance/03-allocate-msix-affinity.ndma", script.GetProperty("file").GetString());
        Assert.Equal("03-allocate-msix-affinity", script.GetProperty("name").GetString());
        Assert.Equal(result.Title, script.GetProperty("title").GetString());
        Assert.Equal("failed", script.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, script.GetProperty("skipReason").ValueKind);
        var checks = script.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(result.Checks.Count, checks.Count);
        var cpuInMask = checks[1];
        Assert.Equal(("conformance/03-allocate-msix-affinity.ndma", 10, 1), Location(cpuInMask));
        Assert.Equal("assert_cpu_in_mask ch0", cpuInMask.GetProperty("step").GetString());
        Assert.False(cpuInMask.GetProperty("passed").GetBoolean());
        Assert.Equal(["NDMA3004"], cpuInMask.GetProperty("ruleIds").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(result.Checks[1].Message, cpuInMask.GetProperty("message").GetString());

        var violations = script.GetProperty("violations").EnumerateArray().ToList();
        Assert.Equal([8, 12, 15], violations.Select(v => Location(v).Line));
        var first = violations[0];
        var observed = result.Violations[0];
        Assert.Equal("NDMA3004", first.GetProperty("ruleId").GetString());
        Assert.Equal("MUST", first.GetProperty("level").GetString());
        Assert.Equal(observed.Rule.Statement, first.GetProperty("statement").GetString());
        Assert.Equal(observed.Expected, first.GetProperty("expected").GetString());
        Assert.Equal(observed.Actual, first.GetProperty("actual").GetString());
        Assert.Equal("nc-netdma-dma_channel_allocate_handler.md", first.GetProperty("page").GetString());
        Assert.Equal(observed.CallSequence, first.GetProperty("callSequence").EnumerateArray().Select(c => c.GetString()!));
    }

    private static (string? File, int Line, int Column) Location(JsonElement element)
    {
        var location = element.GetProperty("location");
        return (location.GetProperty("file").GetString(), location.GetProperty("line").GetInt32(), location.GetProperty("column").GetInt32());
    }
}
