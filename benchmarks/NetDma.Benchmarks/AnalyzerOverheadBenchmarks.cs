using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetDma.Benchmarks;

/// <summary>
/// What the NDMA analyzers add to analysing a real provider: the reference provider's sources (src/ReferenceProvider)
/// compiled and diagnosed with no analyzer (the baseline, measured in the same run) and with every NDMA analyzer.
/// The ratio column is the cost a provider author pays in the IDE and in <c>dotnet build</c>.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerOverheadBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [GlobalSetup]
    public void Setup()
    {
        var sources = AnalyzerCompilations.SourceFiles(Path.Combine(RepositoryRoot.Find(), "src", "ReferenceProvider"))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path));
        _compilation = AnalyzerCompilations.Create("ReferenceProvider", sources);
        _analyzers = AnalyzerCompilations.NdmaAnalyzers();
    }

    /// <summary>
    /// Compiler diagnostics only: binding and flow checks of the whole provider, no analyzer. A fresh clone each time,
    /// because a compilation caches its diagnostics (the baseline must not measure a cache hit).
    /// </summary>
    [Benchmark(Baseline = true)]
    public int CompilerDiagnostics() => AnalyzerCompilations.CompilerDiagnostics(_compilation);

    /// <summary>Compiler diagnostics plus every NDMA analyzer (with a fresh compilation, as each build has).</summary>
    [Benchmark]
    public int WithNdmaAnalyzers() => AnalyzerCompilations.WithAnalyzers(_compilation, _analyzers);
}
