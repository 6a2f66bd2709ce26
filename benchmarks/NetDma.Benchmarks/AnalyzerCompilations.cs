using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetDma.Benchmarks;

/// <summary>
/// What every analyzer benchmark compiles with: the .NET 10 reference assemblies and the contracts, nullable on, the
/// implicit usings a provider project has, and the analyzers of an assembly (every NDMA analyzer, or another
/// package's). One set-up, so the benchmarks differ only in the sources they give it.
/// </summary>
internal static class AnalyzerCompilations
{
    /// <summary>The global usings Microsoft.NET.Sdk adds with ImplicitUsings on, as the driver projects build.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>Compiles <paramref name="trees"/> as a library referencing the contracts; fails when it has an error (a benchmark of broken code measures nothing).</summary>
    public static CSharpCompilation Create(string name, IEnumerable<SyntaxTree> trees)
    {
        var compilation = CSharpCompilation.Create(
            name,
            trees.Append(CSharpSyntaxTree.ParseText(ImplicitUsings)),
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(NetDma.Contracts.NetDma.INetDma).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"the {name} sources do not compile: {string.Join("; ", errors)}");
        }

        return compilation;
    }

    /// <summary>Every C# source file under <paramref name="folder"/>, build output excluded.</summary>
    public static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Every NDMA diagnostic analyzer.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> NdmaAnalyzers() =>
        AnalyzersIn(typeof(NetDma.Analyzers.Rules.NDMA3003CpuNumberAnalyzer).Assembly);

    /// <summary>Every concrete <see cref="DiagnosticAnalyzer"/> for C# in <paramref name="assemblies"/>.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AnalyzersIn(params Assembly[] assemblies) =>
        [.. assemblies.SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute && attribute.Languages.Contains(LanguageNames.CSharp))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)];

    /// <summary>Compiler diagnostics of a fresh clone (a compilation caches its diagnostics: a baseline must not measure a cache hit).</summary>
    public static int CompilerDiagnostics(CSharpCompilation compilation) => compilation.Clone().GetDiagnostics().Length;

    /// <summary>Compiler diagnostics plus <paramref name="analyzers"/>' on a fresh clone, as each build has.</summary>
    public static int WithAnalyzers(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        compilation.Clone().WithAnalyzers(analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
}
