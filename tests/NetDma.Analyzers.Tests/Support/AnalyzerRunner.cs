using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetDma.Analyzers.Tests.Support;

/// <summary>
/// Runs every analyzer of the NetDma.Analyzers assembly over sources outside the Microsoft.CodeAnalysis.Testing
/// harness (whole projects read from disk, half-typed code), recording each analyzer exception instead of losing it.
/// Compilations share one base compilation, so the .NET 10 and NetDma.Contracts reference symbols are built once.
/// </summary>
public sealed class AnalyzerRunner
{
    /// <summary>The global usings the SDK's ImplicitUsings adds to a net10.0 class library (as src/ReferenceProvider builds).</summary>
    public const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly SyntaxTree ImplicitUsingsTree = CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, "ImplicitUsings.g.cs");

    private readonly CSharpCompilation _base;

    /// <summary>A runner whose compilations reference .NET 10 and (unless <paramref name="referenceContracts"/> is false) NetDma.Contracts, with nullable reference types on.</summary>
    public AnalyzerRunner(bool referenceContracts = true)
    {
        var framework = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>();
        _base = CSharpCompilation.Create(
            "AnalyzedCode",
            references: referenceContracts ? framework.Append(TestReferences.Contracts) : framework,
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>One instance of every concrete DiagnosticAnalyzer type of the NetDma.Analyzers assembly.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() =>
        AnalyzerTypes().Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!).ToImmutableArray();

    /// <summary>The concrete DiagnosticAnalyzer types of the NetDma.Analyzers assembly.</summary>
    public static IReadOnlyList<Type> AnalyzerTypes() =>
        typeof(RuleSource).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .ToList();

    /// <summary>The compilation of <paramref name="sources"/> (name, text) and the SDK's implicit global usings, on the shared references.</summary>
    public CSharpCompilation Compile(IEnumerable<(string Path, string Text)> sources) =>
        _base.AddSyntaxTrees(sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)).Prepend(ImplicitUsingsTree));

    /// <summary>Runs <paramref name="analyzers"/> over <paramref name="compilation"/>: their diagnostics and the exceptions they threw.</summary>
    public static async Task<AnalyzerRun> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken = default)
    {
        var (options, exceptions) = RecordingOptions();
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        return new AnalyzerRun(diagnostics, exceptions.ToImmutableArray());
    }

    /// <summary>
    /// Runs <paramref name="analyzers"/> as an IDE's live analysis does: document by document (syntax, then semantic
    /// diagnostics of each tree), so compilation-end actions never run. What a full run reports and this one does not
    /// appears only in <c>dotnet build</c> and full-solution analysis.
    /// </summary>
    public static async Task<AnalyzerRun> RunPerDocumentAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken = default)
    {
        var (options, exceptions) = RecordingOptions();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            diagnostics.AddRange(await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellationToken));
            diagnostics.AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, cancellationToken));
        }

        return new AnalyzerRun(diagnostics.ToImmutable(), exceptions.ToImmutableArray());
    }

    /// <summary>Options that run the analyzers one at a time and record every exception they throw, with its analyzer and stack.</summary>
    private static (CompilationWithAnalyzersOptions Options, ConcurrentQueue<string> Exceptions) RecordingOptions()
    {
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}{Environment.NewLine}{exception.StackTrace}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        return (options, exceptions);
    }
}

/// <summary>What one analyzer run produced.</summary>
/// <param name="Diagnostics">The analyzer diagnostics (AD0001 included, when an exception is reported as one).</param>
/// <param name="Exceptions">Every analyzer exception, with the analyzer's name and stack.</param>
public sealed record AnalyzerRun(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Exceptions);
