using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetDma.Analyzers.Rules;
using NetDma.Analyzers.Tests.Support;

namespace NetDma.Analyzers.Tests.ReferenceProvider;

/// <summary>
/// The reference provider (src/ReferenceProvider, read from disk) is correct provider and WDM driver code: the NTSTATUS
/// and protocol analyzers report nothing on it and never throw (AD0001).
/// </summary>
public sealed class ProtocolRulesOnReferenceProviderTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
    [
        new DocumentedStatusAnalyzer(),
        new InspectResultAnalyzer(),
        new RegisterProviderLocationAnalyzer(),
        new ChannelContextAnalyzer(),
        new CpuNumberAnalyzer(),
        new AllocateAdapterChannelReentrancyAnalyzer(),
        new MapRegistersAnalyzer(),
    ];

    /// <summary>The SDK's implicit usings for a net10.0 library (the project enables ImplicitUsings).</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [Fact]
    public async Task Reference_provider_has_no_NTSTATUS_or_protocol_diagnostics_and_no_analyzer_exception()
    {
        var directory = Path.Combine(RepositoryRoot.Path, "src", "ReferenceProvider");
        var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.True(files.Count >= 10, $"expected the reference provider's sources under {directory}, found {files.Count}");

        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, options, "ImplicitUsings.cs"));
        var compilation = CSharpCompilation.Create(
            "NetDma.ReferenceProvider",
            trees,
            Basic.Reference.Assemblies.Net100.References.All.Append(TestReferences.Contracts),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the reference provider does not compile here: " + string.Join(Environment.NewLine, errors));

        var exceptions = new List<string>();
        var analysis = compilation.WithAnalyzers(
            Analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (exception, analyzer, _) => exceptions.Add($"{analyzer}: {exception}"), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await analysis.GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        var reported = diagnostics.Where(d => d.Id.StartsWith("NDMA", StringComparison.Ordinal) || d.Id == "AD0001").Select(d => d.ToString()).ToList();
        Assert.True(reported.Count == 0, string.Join(Environment.NewLine, reported));
    }
}
