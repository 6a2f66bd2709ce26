using System.Xml.Linq;
using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;
using NetDma.ConformanceKit.Tests.Cli;
using NetDma.ConformanceKit.Tests.Reporting;

namespace NetDma.ConformanceKit.Tests.Isolation;

/// <summary>
/// End to end through the real <c>netdma-kit</c> executable: a provider that calls FailFast does not take the run down;
/// the kit exits 1, prints the crash rule with the routine and the exit code, runs the next script, and writes its
/// reports.
/// </summary>
public sealed class IsolatedRunCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ndma-isolation-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_FailFast_provider_fails_its_script_and_the_run_goes_on_to_write_every_report()
    {
        var scripts = IsolationScripts.WriteTo(_folder);
        var junit = Path.Combine(_folder, "out", "junit.xml");
        var sarif = Path.Combine(_folder, "out", "report.sarif");

        var (exit, stdout, stderr) = KitProcess.Run("run", "--provider", WorkerTestKit.TestAssembly, "--provider-type", nameof(FailFastProvider),
            "--scripts", scripts, "--report", junit, "--sarif", sarif, "--timeout", "30");
        var output = stdout + stderr;

        Assert.True(exit == 1, $"exit {exit}\n{output}");
        Assert.Contains("NDMA2002", output);
        Assert.Contains("ProviderAllocateDmaChannel", output);
        Assert.Contains(FailFastProvider.Message, output);
        Assert.True(File.Exists(sarif), "SARIF report written");
        var cases = XDocument.Load(junit).Descendants("testcase").ToList();
        Assert.Equal(["allocate-misbehaves", "lifecycle-only"], cases.Select(c => (string?)c.Attribute("name")));
        Assert.NotNull(cases[0].Element("failure"));
        Assert.Null(cases[1].Element("failure"));
    }

    /// <summary>Each misbehaving provider, its rule, and a watchdog: short for the hangs, long enough for the others to die on their own (filling the worker's 2 GiB heap takes seconds).</summary>
    public static TheoryData<Type, string, int> Misbehaviours => new()
    {
        { typeof(FailFastProvider), "NDMA2002", 60 },
        { typeof(StackOverflowProvider), "NDMA2002", 60 },
        { typeof(ExitingProvider), "NDMA2002", 60 },
        { typeof(ThreadCrashProvider), "NDMA2002", 60 },
        { typeof(OutOfMemoryProvider), "NDMA2002", 60 },
        { typeof(SpinningProvider), "NDMA2003", 3 },
        { typeof(HangingProvider), "NDMA2003", 3 },
    };

    [Theory]
    [MemberData(nameof(Misbehaviours))]
    public void Run_exits_1_names_the_rule_at_its_line_runs_the_next_script_and_writes_valid_reports(Type provider, string rule, int watchdogSeconds)
    {
        using var cli = new CliTestKit();
        var scripts = IsolationScripts.WriteTo(cli.Folder);
        var junit = Path.Combine(cli.Folder, "out", "junit.xml");
        var sarif = Path.Combine(cli.Folder, "out", "report.sarif");
        var json = Path.Combine(cli.Folder, "out", "report.json");

        var exit = RunCommand.Execute(cli.Console, new FileInfo(WorkerTestKit.TestAssembly), provider.FullName, scripts,
            new FileInfo(junit), new FileInfo(sarif), TimeSpan.FromSeconds(watchdogSeconds), json: new FileInfo(json));

        Assert.True(exit == ExitCodes.ConformanceFailure, $"exit {exit}\n{cli.Output}\n{cli.Errors}");
        Assert.Contains($"{IsolationScripts.CrashFile}:{IsolationScripts.AllocateLine}:1", cli.Output);
        Assert.Contains(rule, cli.Output);
        Assert.Contains("ProviderAllocateDmaChannel", cli.Output);
        Assert.Empty(JUnitFileChecks.Problems(File.ReadAllBytes(junit)));
        Assert.Empty(ReportSchemas.SarifErrors(File.ReadAllText(sarif)));
        Assert.Empty(ReportSchemas.JsonReportErrors(File.ReadAllText(json)));
        var cases = XDocument.Load(junit).Descendants("testcase").ToList();
        Assert.Equal(2, cases.Count);
        Assert.NotNull(cases[0].Element("failure"));
        Assert.Null(cases[1].Element("failure"));
    }
}
