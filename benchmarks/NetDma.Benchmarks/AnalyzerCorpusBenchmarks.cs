using System.Collections.Immutable;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetDma.Benchmarks;

/// <summary>
/// The analyzers' cost at scale (issue 9): a provider corpus of about 10,000 and 100,000 lines
/// (<see cref="AnalyzerCorpus"/>) diagnosed by the compiler alone (the baseline, in the same run), with every NDMA
/// analyzer, and with Microsoft.VisualStudio.Threading.Analyzers on the same corpus — the field's reference for a
/// well-kept analyzer package, for a cost per line to compare with. Targets: the NDMA analyzers add at most 10% to the
/// compiler's time at 100,000 lines, and 10x the corpus costs them at most 11x the time.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerCorpusBenchmarks
{
    /// <summary>Where the project file copies the threading analyzers' assemblies (from their package).</summary>
    private const string ThreadingAnalyzersFolder = "threading-analyzers";

    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _ndma;
    private ImmutableArray<DiagnosticAnalyzer> _threading;

    /// <summary>The corpus size asked for, in lines; the corpus is the smallest of whole driver copies with at least this many.</summary>
    [Params(10_000, 100_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = AnalyzerCorpus.Create(Lines);
        Console.WriteLine($"// corpus: {corpus.Lines} lines, {corpus.Units} copies, {corpus.Trees.Count} files");
        _compilation = AnalyzerCompilations.Create($"Corpus{Lines}", corpus.Trees);
        _ndma = AnalyzerCompilations.NdmaAnalyzers();
        _threading = ThreadingAnalyzers();
    }

    /// <summary>Every C# analyzer of Microsoft.VisualStudio.Threading.Analyzers, loaded from the assemblies the project file copies out of its package.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> ThreadingAnalyzers()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, ThreadingAnalyzersFolder);
        var analyzers = AnalyzerCompilations.AnalyzersIn(
            Assembly.LoadFrom(Path.Combine(folder, "Microsoft.VisualStudio.Threading.Analyzers.dll")),
            Assembly.LoadFrom(Path.Combine(folder, "Microsoft.VisualStudio.Threading.Analyzers.CSharp.dll")));
        return analyzers.IsEmpty ? throw new InvalidOperationException($"no analyzer found in {folder}") : analyzers;
    }

    /// <summary>Compiler diagnostics only: binding and flow checks of the corpus.</summary>
    [Benchmark(Baseline = true)]
    public int CompilerDiagnostics() => AnalyzerCompilations.CompilerDiagnostics(_compilation);

    /// <summary>Compiler diagnostics plus every NDMA analyzer.</summary>
    [Benchmark]
    public int WithNdmaAnalyzers() => AnalyzerCompilations.WithAnalyzers(_compilation, _ndma);

    /// <summary>Compiler diagnostics plus every Microsoft.VisualStudio.Threading analyzer.</summary>
    [Benchmark]
    public int WithThreadingAnalyzers() => AnalyzerCompilations.WithAnalyzers(_compilation, _threading);
}
