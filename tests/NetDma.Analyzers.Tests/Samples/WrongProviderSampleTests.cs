using System.Text.RegularExpressions;
using NetDma.Analyzers.Tests.Support;

namespace NetDma.Analyzers.Tests.Samples;

/// <summary>
/// samples/NetDma.Samples.WrongProvider is wrong provider code in which every rule fires: each line that must be
/// reported ends with <c>// expect: NDMAxxxx [NDMAyyyy]</c>, and the analyzers must report exactly those (file, line,
/// rule) triples — no marker left unreported, no diagnostic without a marker.
/// </summary>
public sealed partial class WrongProviderSampleTests
{
    [Fact]
    public async Task Every_rule_fires_exactly_where_the_sample_marks_it()
    {
        var files = RepositoryFiles.CSharpFiles("samples/NetDma.Samples.WrongProvider");
        Assert.NotEmpty(files);
        var sources = files.Select(path => (Name: Path.GetFileName(path), Text: File.ReadAllText(path))).ToList();
        var expected = sources
            .SelectMany(source => source.Text.Split('\n').Select((line, index) => (source.Name, Line: index + 1, Match: Marker().Match(line))))
            .Where(m => m.Match.Success)
            .SelectMany(m => m.Match.Groups["ids"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => $"{m.Name}:{m.Line} {id}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var compilation = new AnalyzerRunner().Compile(sources);
        var run = await AnalyzerRunner.RunAsync(compilation, AnalyzerRunner.AllAnalyzers());
        var actual = run.Diagnostics
            .Where(d => d.Id.StartsWith("NDMA", StringComparison.Ordinal))
            .Select(d => $"{Path.GetFileName(d.Location.SourceTree!.FilePath)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1} {d.Id}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(run.Exceptions);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_sample_exercises_every_analyzer_rule()
    {
        var marked = RepositoryFiles.CSharpFiles("samples/NetDma.Samples.WrongProvider")
            .SelectMany(path => File.ReadAllLines(path).Select(line => Marker().Match(line)))
            .Where(m => m.Success)
            .SelectMany(m => m.Groups["ids"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet();
        var missing = RuleSource.All.Where(r => r.Enforcement.HasFlag(RuleEnforcement.CompileTime)).Select(r => r.Id).Except(marked).ToList();

        Assert.Empty(missing);
    }

    [GeneratedRegex(@"// expect: (?<ids>NDMA\d{4}( NDMA\d{4})*)\s*$")]
    private static partial Regex Marker();
}
