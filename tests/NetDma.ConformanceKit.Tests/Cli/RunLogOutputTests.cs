using NetDma.ConformanceKit.Cli;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// The <c>run</c> command in process, writing to a CI log (<see cref="CliTestKit"/>: stdout and stderr redirected):
/// plain text without ANSI escapes, long locations unbroken, and inside GitHub Actions a workflow annotation per
/// failed check at its script line, beside the unchanged report.
/// </summary>
public sealed class RunLogOutputTests
{
    private static (int Exit, string Output, string Script, string Location) RunLineSeven(CliTestKit cli)
    {
        var scripts = Path.Combine(cli.Folder, "scripts");
        var script = LineSevenViolation.WriteDeep(scripts);
        var exit = cli.Run(scripts, CliTestKit.TestAssembly, LineSevenViolation.Provider);

        // The report names the script relative to the parent of the scripts folder.
        var location = Path.GetRelativePath(cli.Folder, script).Replace('\\', '/') + ":7:1";
        return (exit, cli.Output, script, location);
    }

    [Fact]
    public void A_location_longer_than_200_characters_is_one_unbroken_token_and_there_are_no_escapes()
    {
        using var cli = new CliTestKit();

        var (exit, output, _, location) = RunLineSeven(cli);

        Assert.Equal(ExitCodes.ConformanceFailure, exit);
        Assert.True(location.Length > 200);
        Assert.Contains($"{Environment.NewLine}  {location} unexpected violation:{Environment.NewLine}", output);
        Assert.DoesNotContain("\u001b[", output);
        Assert.DoesNotContain("::error", output);
    }

    [Fact]
    public void Inside_GitHub_Actions_the_violation_on_line_7_is_also_an_error_annotation_at_line_7()
    {
        using var cli = new CliTestKit(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" });

        var (exit, output, script, location) = RunLineSeven(cli);

        Assert.Equal(ExitCodes.ConformanceFailure, exit);
        Assert.DoesNotContain("\u001b[", output);
        Assert.Contains($"  {location} unexpected violation:", output);
        var annotation = Assert.Single(output.Split(Environment.NewLine), line => line.StartsWith("::", StringComparison.Ordinal));
        Assert.StartsWith($"::error file={WorkflowAnnotations.EscapeProperty(script)},line=7,col=1,title={LineSevenViolation.Rule}::unexpected violation: ", annotation);

        // The annotation follows the script's report and precedes the summary.
        Assert.True(output.IndexOf(annotation, StringComparison.Ordinal) > output.IndexOf(location, StringComparison.Ordinal));
        Assert.True(output.IndexOf(annotation, StringComparison.Ordinal) < output.IndexOf("Driver under test:", StringComparison.Ordinal));
    }
}
