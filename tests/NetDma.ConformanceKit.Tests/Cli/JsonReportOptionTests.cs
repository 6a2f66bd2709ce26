using System.Text.Json;
using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Tests.Reporting;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary><c>run --json &lt;path&gt;</c> writes the JSON report, creating its folder, and says where.</summary>
public sealed class JsonReportOptionTests : IDisposable
{
    private readonly CliTestKit _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Json_option_writes_a_valid_JSON_report_of_the_run()
    {
        _cli.Copy(BundledScripts.SelfTestFile("ndma3004-cpu-outside-mask").Path);
        var path = Path.Combine(_cli.Folder, "out", "report.json");

        var exit = RunCommand.Execute(_cli.Console, new FileInfo(CliTestKit.TestAssembly), "CpuOutsideMaskProvider", _cli.Folder, null, null, CliTestKit.Watchdog, json: new FileInfo(path));

        Assert.Equal(0, exit);
        Assert.Contains($"JSON report: {path}", _cli.Output);
        var text = File.ReadAllText(path);
        Assert.Empty(ReportSchemas.JsonReportErrors(text));
        var script = Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("scripts").EnumerateArray());
        Assert.Equal("passed", script.GetProperty("outcome").GetString());
        Assert.Equal("NDMA3004", script.GetProperty("violations")[0].GetProperty("ruleId").GetString());
    }
}
