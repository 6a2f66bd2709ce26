using System.Text.RegularExpressions;
using NetDma.ConformanceKit.Cli;
using Spectre.Console;

namespace NetDma.ConformanceKit.Tests.Cli;

/// <summary>
/// <see cref="ConsoleFactory"/>: what the facts of a <see cref="ConsoleEnvironment"/> do to the output. A redirected
/// stream gets no ANSI escapes and no wrapping; NO_COLOR removes colour on a terminal; GITHUB_ACTIONS=true adds the
/// annotation writer. (Spectre's own GitHub enricher reads the real environment, not the injected one: that it stays
/// off is proven end to end by <see cref="ExecutableLogOutputTests"/>.)
/// </summary>
public sealed partial class ConsoleFactoryTests
{
    private static readonly string LongPath = "/ci/workspace/" + string.Join('/', Enumerable.Repeat(new string('x', 60), 4)) + "/05-copy.ndma";

    /// <summary>An SGR sequence with a foreground or background colour parameter (3x, 4x, 9x, 10x; 38/48 for 256 and true colour).</summary>
    [GeneratedRegex(@"\e\[(?:[0-9]+;)*(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9]+)*m")]
    private static partial Regex ColourEscape();

    private static ConsoleEnvironment Environment(bool redirected, params (string Name, string Value)[] variables) =>
        new(redirected, redirected, name => variables.FirstOrDefault(v => v.Name == name).Value);

    private static string Render(KitConsole console, StringWriter output)
    {
        console.Out.MarkupLine("[red]FAILED[/] [bold]05-copy[/]");
        return output.ToString();
    }

    [Fact]
    public void Redirected_output_has_no_escapes_even_inside_GitHub_Actions()
    {
        var output = new StringWriter();
        var console = ConsoleFactory.Create(Environment(true, ("GITHUB_ACTIONS", "true")), output, TextWriter.Null);

        var text = Render(console, output);

        Assert.False(console.Out.Profile.Capabilities.Ansi);
        Assert.Equal("FAILED 05-copy" + System.Environment.NewLine, text);
    }

    [Fact]
    public void Redirected_output_keeps_a_path_longer_than_200_characters_on_one_line_in_text_and_in_tables()
    {
        Assert.True(LongPath.Length > 200);
        var output = new StringWriter();
        var console = ConsoleFactory.Create(Environment(true), output, TextWriter.Null);

        console.Out.MarkupLine($"  [red]{Markup.Escape(LongPath)}:7:1[/] unexpected violation:");
        console.Out.Write(new Table().AddColumn("Script").AddColumn("Result").AddRow(Markup.Escape(LongPath + ":7:1"), "FAIL"));

        var lines = output.ToString().Split(System.Environment.NewLine);
        Assert.Contains($"  {LongPath}:7:1 unexpected violation:", lines);
        Assert.Contains(lines, line => line.Contains($" {LongPath}:7:1 ", StringComparison.Ordinal));
    }

    [Fact]
    public void NO_COLOR_on_a_terminal_that_speaks_ANSI_gives_no_colour()
    {
        var output = new StringWriter();
        var console = ConsoleFactory.Create(Environment(false, ("NO_COLOR", "1")), output, TextWriter.Null);
        console.Out.Profile.Capabilities.Ansi = true;

        var text = Render(console, output);

        Assert.Equal(ColorSystem.NoColors, console.Out.Profile.Capabilities.ColorSystem);
        Assert.DoesNotMatch(ColourEscape(), text);
        Assert.Contains("FAILED", text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_NO_COLOR_the_same_terminal_gets_colour(string? noColor)
    {
        var output = new StringWriter();
        var variables = noColor is null ? [] : new[] { ("NO_COLOR", noColor) };
        var console = ConsoleFactory.Create(Environment(false, variables), output, TextWriter.Null);
        console.Out.Profile.Capabilities.Ansi = true;

        Assert.Matches(ColourEscape(), Render(console, output));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData(null, false)]
    public void GitHub_Actions_adds_the_annotation_writer(string? gitHubActions, bool annotates)
    {
        var variables = gitHubActions is null ? [] : new[] { ("GITHUB_ACTIONS", gitHubActions) };

        var console = ConsoleFactory.Create(Environment(true, variables), TextWriter.Null, TextWriter.Null);

        Assert.Equal(annotates, console.Annotations is not null);
    }

    [Fact]
    public void Errors_go_to_the_error_stream()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var console = ConsoleFactory.Create(Environment(true), output, errors);

        console.WriteError("no script file or folder at '/x'");

        Assert.Equal("", output.ToString());
        Assert.Equal("error: no script file or folder at '/x'" + System.Environment.NewLine, errors.ToString());
    }
}
