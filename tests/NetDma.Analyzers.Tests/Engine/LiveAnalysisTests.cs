using Microsoft.CodeAnalysis;
using NetDma.Analyzers.Tests.Support;
using Xunit.Abstractions;

namespace NetDma.Analyzers.Tests.Engine;

/// <summary>
/// What an IDE shows while typing: each rule run document by document, without compilation-end actions
/// (<see cref="AnalyzerRunner.RunPerDocumentAsync"/>), against the full-compilation run of <c>dotnet build</c>.
/// A diagnostic only the build reports must come from a descriptor tagged <see cref="WellKnownDiagnosticTags.CompilationEnd"/>,
/// so the IDE knows the rule is not live there.
/// </summary>
public sealed class LiveAnalysisTests(ITestOutputHelper output)
{
    private static string Key(Diagnostic d) =>
        $"{Path.GetFileName(d.Location.SourceTree?.FilePath)}:{d.Location.GetLineSpan().StartLinePosition} {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";

    private static bool IsCompilationEnd(Diagnostic d) => d.Descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd);

    [Fact]
    public async Task The_wrong_provider_sample_shows_live_what_the_build_reports()
    {
        var sources = RepositoryFiles.CSharpFiles("samples/NetDma.Samples.WrongProvider").Select(path => (Path.GetFileName(path), File.ReadAllText(path)));
        var compilation = new AnalyzerRunner().Compile(sources);
        var analyzers = AnalyzerRunner.AllAnalyzers();

        var full = await AnalyzerRunner.RunAsync(compilation, analyzers);
        var live = await AnalyzerRunner.RunPerDocumentAsync(compilation, analyzers);

        Assert.Empty(full.Exceptions);
        Assert.Empty(live.Exceptions);
        var missing = full.Diagnostics.Where(d => !IsCompilationEnd(d)).Select(Key).Except(live.Diagnostics.Select(Key)).Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"full {full.Diagnostics.Length}, live {live.Diagnostics.Length}");
        Assert.Empty(missing);
        Assert.Empty(live.Diagnostics.Select(Key).Except(full.Diagnostics.Select(Key)));
    }

    [Fact]
    public async Task Over_the_test_corpus_a_diagnostic_only_the_build_reports_has_a_compilation_end_descriptor()
    {
        var runner = new AnalyzerRunner();
        var analyzers = AnalyzerRunner.AllAnalyzers();
        var (all, shown, missing) = (0, 0, new List<string>());
        foreach (var (name, text) in TestSourceCorpus.Load())
        {
            var compilation = runner.Compile([(name, text)]);
            var full = await AnalyzerRunner.RunAsync(compilation, analyzers);
            var live = (await AnalyzerRunner.RunPerDocumentAsync(compilation, analyzers)).Diagnostics.Select(Key).ToHashSet();
            foreach (var diagnostic in full.Diagnostics.Where(d => d.Id.StartsWith("NDMA", StringComparison.Ordinal)))
            {
                all++;
                if (live.Contains(Key(diagnostic)))
                {
                    shown++;
                }
                else if (!IsCompilationEnd(diagnostic))
                {
                    missing.Add($"{name}: {Key(diagnostic)}");
                }
            }
        }

        output.WriteLine($"{shown} of {all} diagnostics shown live ({100.0 * shown / all:F1}%)");
        Assert.True(missing.Count == 0, $"{shown} of {all} live; not live without a CompilationEnd descriptor ({missing.Count}):\n" + string.Join("\n", missing.Take(40)));
    }
}
