using System.Collections.Immutable;
using System.Reflection;
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
        var root = RepositoryRoot.Find();
        var trees = Directory.EnumerateFiles(Path.Combine(root, "src", "ReferenceProvider"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path))
            .Append(CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.Linq;"));
        _compilation = CSharpCompilation.Create(
            "ReferenceProvider",
            trees,
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(NetDma.Contracts.NetDma.INetDma).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _analyzers = typeof(NetDma.Analyzers.Rules.NDMA3003CpuNumberAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }

    /// <summary>
    /// Compiler diagnostics only: binding and flow checks of the whole provider, no analyzer. A fresh clone each time,
    /// because a compilation caches its diagnostics (the baseline must not measure a cache hit).
    /// </summary>
    [Benchmark(Baseline = true)]
    public int CompilerDiagnostics() => _compilation.Clone().GetDiagnostics().Length;

    /// <summary>Compiler diagnostics plus every NDMA analyzer (with a fresh compilation, as each build has).</summary>
    [Benchmark]
    public int WithNdmaAnalyzers()
    {
        var compilation = _compilation.Clone();
        return compilation.WithAnalyzers(_analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
    }
}
