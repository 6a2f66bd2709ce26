using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Rules;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// End to end: what the real executable writes into a CI log (stdout redirected to a pipe, as every CI runner does):
/// no ANSI escapes even when GITHUB_ACTIONS=true (Spectre would otherwise switch them on for GitHub), no line breaks
/// inside long paths and <c>file:line:column</c> tokens, and inside GitHub Actions one workflow annotation per failed
/// check at its script line.
/// </summary>
public sealed class ExecutableLogOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ndma-log-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private KitRun RunLineSeven(IReadOnlyDictionary<string, string> variables, out string scriptPath)
    {
        var scripts = Path.Combine(_folder, "scripts");
        scriptPath = LineSevenViolation.WriteDeep(scripts);
        return KitProcess.Run(variables, "run", "--provider", CliTestKit.TestAssembly, "--provider-type", LineSevenViolation.Provider, "--scripts", scripts);
    }

    [Fact]
    public void Inside_GitHub_Actions_a_violation_on_line_7_is_an_error_annotation_at_line_7_and_the_log_has_no_escapes()
    {
        var run = RunLineSeven(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }, out var script);

        Assert.True(run.ExitCode == ExitCodes.ConformanceFailure, run.ToString());
        Assert.DoesNotContain("\u001b[", run.Output);
        var annotation = Assert.Single(run.Output.Split('\n'), line => line.StartsWith("::", StringComparison.Ordinal));
        Assert.StartsWith(
            $"::error file={WorkflowAnnotations.EscapeProperty(script)},line=7,col=1,title={LineSevenViolation.Rule}::unexpected violation: {LineSevenViolation.Rule} (MUST)",
            annotation);
        Assert.Contains("%0A", annotation);
    }

    [Fact]
    public void Outside_GitHub_Actions_the_log_has_no_annotations_no_escapes_and_the_long_location_unbroken()
    {
        var run = RunLineSeven(new Dictionary<string, string>(), out var script);

        Assert.True(run.ExitCode == ExitCodes.ConformanceFailure, run.ToString());
        Assert.DoesNotContain("\u001b[", run.Output);
        Assert.DoesNotContain("::error", run.Output);

        // The report names the script relative to the parent of the --scripts folder.
        var location = Path.GetRelativePath(_folder, script).Replace('\\', '/') + ":7:1";
        Assert.True(location.Length > 200);
        Assert.Contains($"  {location} unexpected violation:", run.Output);
    }

    [Fact]
    public void The_rules_table_keeps_every_requirement_on_one_line()
    {
        var run = KitProcess.Run("rules");

        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        Assert.DoesNotContain("\u001b[", run.Output);
        Assert.All(RuleCatalog.All, rule => Assert.Contains($" {rule.Statement} ", run.Output));
    }
}
