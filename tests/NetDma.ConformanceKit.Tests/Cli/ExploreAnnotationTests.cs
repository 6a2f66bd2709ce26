using System.Text.RegularExpressions;
using NetDma.ConformanceKit.Cli;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// <c>explore</c> inside GitHub Actions: the failed checks of the minimal case become <c>::error</c> annotations that
/// point at their lines in the <c>--out</c> file, which holds exactly the script those checks ran.
/// </summary>
public sealed partial class ExploreAnnotationTests
{
    private const string Seed = "0000000001G3";

    [GeneratedRegex(@"^::error file=(?<file>[^,]+),line=(?<line>\d+),col=\d+,title=[^:]+::(?<step>[^:]+):")]
    private static partial Regex ErrorAnnotation();

    [Fact]
    public void Each_failed_check_of_the_minimal_case_is_an_error_at_its_line_of_the_out_file()
    {
        using var cli = new CliTestKit(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" });
        var output = new FileInfo(Path.Combine(cli.Folder, "failing.ndma"));

        var exit = ExploreCommand.Execute(cli.Console, new FileInfo(CliTestKit.TestAssembly), nameof(BrokenProviders.CpuOutsideMaskProvider), Seed, 200, output, 4);

        Assert.Equal(ExitCodes.ConformanceFailure, exit);
        var annotations = cli.Output.Split(Environment.NewLine).Select(line => ErrorAnnotation().Match(line)).Where(m => m.Success).ToList();
        Assert.NotEmpty(annotations);
        var script = File.ReadAllLines(output.FullName);
        Assert.All(annotations, annotation =>
        {
            Assert.Equal(WorkflowAnnotations.EscapeProperty(output.FullName), annotation.Groups["file"].Value);

            // An assertion's check is at the assertion's own line; other checks (unexpected violations) at the
            // command during which they were observed, which is a line of the script too.
            var line = script[int.Parse(annotation.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1];
            var step = annotation.Groups["step"].Value;
            // A violation an assertion found further down is at the command that caused it; the step names the assertion's line.
            var atItsOwnLine = step.StartsWith("assert", StringComparison.Ordinal) && !step.Contains("(line ", StringComparison.Ordinal);
            Assert.True(atItsOwnLine ? line.StartsWith(step, StringComparison.Ordinal) : line.Length > 0, $"{step} -> '{line}'");
        });
    }
}
