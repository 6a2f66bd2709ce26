using System.Text.Json;
using System.Xml.Linq;
using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Faults;
using NetDma.ConformanceKit.Tests.Reporting;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// <c>--faults &lt;spec&gt;</c> of <c>run</c> and <c>explore</c>: a bad spec exits 2 naming its position before anything
/// runs; a good one reaches every script, and every report states the spec, the seed and each injected fault.
/// </summary>
public sealed class FaultsOptionTests : IDisposable
{
    private readonly CliTestKit _cli = new();

    public void Dispose() => _cli.Dispose();

    private int Parse(string command, params string[] args)
    {
        var root = new System.CommandLine.RootCommand { ExploreCommand.Create(_cli.Console) };
        return KitEntryPoint.Run(root, [command, .. args], _cli.Console, showStackTraces: false);
    }

    [Fact]
    public void A_spec_that_does_not_parse_exits_2_naming_its_position_before_anything_runs()
    {
        var exit = Parse("explore", "--faults", "pool:every=1,tag=TooLong", "--provider", Path.Combine(_cli.Folder, "never-loaded.dll"));

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Equal("", _cli.Output);
        Assert.StartsWith("error: --faults 'pool:every=1,tag=TooLong': at position 18: expected a pool tag of 1 to 4 printable ASCII characters, found 'TooLong'", _cli.Errors);
    }

    [Fact]
    public void The_option_round_trips_through_the_parser_to_the_stable_spec()
    {
        var option = FaultsOption.Create();
        var root = new System.CommandLine.RootCommand { option };

        var spec = root.Parse(["--faults", "seed=4; pool:p=0.2"]).GetValue(option);

        Assert.Equal("seed=4;pool:p=0.2", spec!.ToString());
        Assert.Equal(spec, root.Parse(["--faults", spec.ToString()]).GetValue(option));
    }

    [Fact]
    public void Run_under_faults_states_the_spec_the_seed_and_each_injected_fault_in_every_report()
    {
        _cli.Copy(Path.Combine(BundledScripts.Conformance, "05-copy-single-descriptor.ndma"));
        var json = Path.Combine(_cli.Folder, "report.json");
        var junit = Path.Combine(_cli.Folder, "report.xml");
        var sarif = Path.Combine(_cli.Folder, "report.sarif");
        var faults = FaultSpec.Parse("seed=2;pool:every=1");

        var exit = RunCommand.Execute(_cli.Console, null, null, _cli.Folder, new FileInfo(junit), new FileInfo(sarif), CliTestKit.Watchdog,
            inProcess: true, json: new FileInfo(json), faults: faults);

        Assert.Equal(ExitCodes.Passed, exit);
        Assert.Contains("Injecting faults seed=2;pool:every=1 (seed 2) into every script", _cli.Output);
        Assert.Contains("fault injected: pool at call", _cli.Output);
        Assert.Contains("Faults: seed=2;pool:every=1 (seed 2); 1 injected in 1 script(s).", _cli.Output);

        var jsonText = File.ReadAllText(json);
        Assert.Empty(ReportSchemas.JsonReportErrors(jsonText));
        var root = JsonDocument.Parse(jsonText).RootElement;
        Assert.Equal("seed=2;pool:every=1", root.GetProperty("faults").GetProperty("spec").GetString());
        Assert.Equal(2, root.GetProperty("faults").GetProperty("seed").GetInt32());
        var fault = root.GetProperty("scripts")[0].GetProperty("faults")[0];
        Assert.Equal("pool", fault.GetProperty("kind").GetString());
        Assert.Equal(12, fault.GetProperty("location").GetProperty("line").GetInt32());

        var properties = XDocument.Load(junit).Descendants("property").ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);
        Assert.Equal("seed=2;pool:every=1", properties["faults"]);
        Assert.Equal("2", properties["faults.seed"]);
        Assert.Contains("ExAllocatePool2(NonPagedPoolNx, 128 bytes, tag 'NdmR') returned NULL", properties["faults.05-copy-single-descriptor"]);

        var sarifProperties = JsonDocument.Parse(File.ReadAllText(sarif)).RootElement.GetProperty("runs")[0].GetProperty("properties");
        Assert.Equal("seed=2;pool:every=1", sarifProperties.GetProperty("faults").GetString());
        Assert.Equal(2, sarifProperties.GetProperty("faultSeed").GetInt32());
        Assert.Empty(ReportSchemas.SarifErrors(File.ReadAllText(sarif)));
        Assert.Contains("returned NULL", sarifProperties.GetProperty("faultsInjected").EnumerateObject().Single().Value[0].GetString());
    }
}
