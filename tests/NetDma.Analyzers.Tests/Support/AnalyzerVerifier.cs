using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace NetDma.Analyzers.Tests.Support;

/// <summary>
/// Runs one analyzer over test sources with <c>{|#0:...|}</c> markup and checks the exact diagnostics
/// (Microsoft.CodeAnalysis.Testing). Sources reference .NET 10 and NetDma.Contracts.
/// </summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>A diagnostic of <paramref name="id"/> expected by a test.</summary>
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    /// <summary>Checks that <paramref name="source"/> produces exactly <paramref name="expected"/>.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync([source], expected);

    /// <summary>Checks that <paramref name="sources"/> (one compilation, several files) produce exactly <paramref name="expected"/>.</summary>
    public static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected) => VerifyAsync(sources, editorConfig: null, expected);

    /// <summary>Checks that <paramref name="sources"/>, with <paramref name="editorConfig"/> as the project's root <c>.editorconfig</c> (when not null), produce exactly <paramref name="expected"/>.</summary>
    public static async Task VerifyAsync(string[] sources, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.Net100 };
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        TestReferences.Apply(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
