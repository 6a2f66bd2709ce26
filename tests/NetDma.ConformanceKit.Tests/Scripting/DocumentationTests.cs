using System.Text.RegularExpressions;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Tests.Scripting;

/// <summary>docs/script-language.md stays true: every keyword documented, every example script parses, the complete
/// example round-trips, and every error message in the static-check table is the one the parser produces.</summary>
public sealed partial class DocumentationTests
{
    private static readonly string DocPath = Path.Combine(RepositoryRoot(), "docs", "script-language.md");

    private static string Doc => File.ReadAllText(DocPath);

    [Fact]
    public void Every_keyword_has_its_own_section_in_the_language_reference()
    {
        var headings = HeadingPattern().Matches(Doc).Select(m => m.Groups[1].Value).ToHashSet();
        var missing = ScriptKeywords.All.Where(k => !headings.Contains(k)).ToList();
        Assert.True(missing.Count == 0, $"docs/script-language.md has no '#### <keyword>' section for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_documented_section_is_a_keyword_the_parser_knows()
    {
        var unknown = HeadingPattern().Matches(Doc).Select(m => m.Groups[1].Value).Where(h => !ScriptKeywords.All.Contains(h)).ToList();
        Assert.True(unknown.Count == 0, $"sections for keywords the parser does not know: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Every_example_script_in_the_reference_parses()
    {
        var scripts = ExampleScripts().ToList();
        Assert.True(scripts.Count >= 3, $"expected the first, complete and WDM examples, found {scripts.Count} netdma-script blocks");
        foreach (var (line, text) in scripts)
        {
            var ex = Record.Exception(() => ScriptParser.Parse(text, $"script-language.md@{line}"));
            Assert.True(ex is null, $"the netdma-script block at docs/script-language.md line {line} does not parse: {ex?.Message}");
        }
    }

    [Fact]
    public void Complete_example_round_trips_through_the_formatter_to_equal_commands()
    {
        var text = CompleteExample();
        var script = ScriptParser.Parse(text, "complete.ndma");
        var commandLines = text.Split('\n').Count(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        Assert.Equal(commandLines, script.Commands.Count);
        Assert.Equal("copy and append on a channel affine to CPUs 1 and 2", script.Title);

        var formatted = ScriptFormatter.Format(script);
        var reparsed = ScriptParser.Parse(formatted, "complete.ndma");
        Assert.Equal(script.Commands.Select(WithoutLocation), reparsed.Commands.Select(WithoutLocation));
        Assert.Equal(formatted, ScriptFormatter.Format(reparsed));
        Assert.Equal(script.Title, reparsed.Title);
    }

    [Fact]
    public void Complete_example_has_the_documented_commands_and_values()
    {
        var script = ScriptParser.Parse(CompleteExample(), "complete.ndma");
        var platform = Assert.IsType<PlatformCommand>(script.Platform);
        Assert.Equal((4, true, 2u, 0u), (platform.Processors, platform.MsiX, platform.NetDmaMajor, platform.NetDmaMinor));
        var allocate = Assert.Single(script.Commands.OfType<AllocateCommand>());
        Assert.Equal(("ch0", 0b0110u, 1u), (allocate.Channel, allocate.AffinityMask, allocate.Site.Cpu));
        var c2 = script.Commands.OfType<ChainCommand>().Single(c => c.Name == "c2");
        Assert.True(c2.Descriptors[^1].IsNullTransfer);
        Assert.IsType<AssertNoViolationCommand>(script.Commands[^1]);
    }

    [Fact]
    public void Every_message_in_the_static_check_table_is_what_the_parser_reports()
    {
        var cases = StaticCheckTests.Errors.ToDictionary(row => (string)row[0], row => ((string)row[1], (string)row[2]));
        var rows = TableRowPattern().Matches(Doc).Select(m => (Check: m.Groups[1].Value.Trim(), Message: m.Groups[2].Value)).ToList();
        Assert.True(rows.Count >= 20, $"expected the static-check table, found {rows.Count} rows");
        foreach (var (check, message) in rows)
        {
            Assert.True(cases.TryGetValue(check, out var test), $"the table row '{check}' names no case in StaticCheckTests.Errors");
            Assert.True(test.Item2 == message, $"table row '{check}':\n  doc:  {message}\n  test: {test.Item2}");
            Assert.Equal(message, Assert.Throws<ScriptParseException>(() => ScriptText.Parse(test.Item1)).Message);
        }
    }

    private static ScriptCommand WithoutLocation(ScriptCommand command) => command with { Location = default };

    private static string CompleteExample()
    {
        var doc = Doc;
        var section = doc.IndexOf("## Complete example", StringComparison.Ordinal);
        Assert.True(section >= 0, "docs/script-language.md has no '## Complete example' section");
        var start = doc.IndexOf("```netdma-script\n", section, StringComparison.Ordinal) + "```netdma-script\n".Length;
        return doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static IEnumerable<(int Line, string Text)> ExampleScripts()
    {
        var doc = Doc;
        foreach (Match m in ScriptBlockPattern().Matches(doc))
        {
            yield return (doc[..m.Index].Count(c => c == '\n') + 2, m.Groups[1].Value);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetDmaConformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no NetDmaConformance.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^#### ([a-z_]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"```netdma-script\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ScriptBlockPattern();

    [GeneratedRegex(@"^\| ([^|`]+) \| `(.+)` \|$", RegexOptions.Multiline)]
    private static partial Regex TableRowPattern();
}
