using System.Diagnostics;
using System.Xml.Linq;
using NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;

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

        var (exit, output) = RunKit("run", "--provider", WorkerTestKit.TestAssembly, "--provider-type", nameof(FailFastProvider),
            "--scripts", scripts, "--report", junit, "--sarif", sarif, "--timeout", "30");

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

    private static (int ExitCode, string Output) RunKit(params string[] arguments)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "netdma-kit.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("netdma-kit did not exit within 120 s");
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result + errors.Result);
    }
}
