using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace NetDma.Analyzers.Tests.Support;

/// <summary>Runs an analyzer and its code fix over before/after sources (CSharpCodeFixTest).</summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>A diagnostic of <paramref name="id"/> expected by a test.</summary>
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    /// <summary>Checks the diagnostics on <paramref name="before"/> and that the fix (by equivalence key, when given) yields <paramref name="after"/>.</summary>
    public static async Task VerifyAsync(string before, string after, DiagnosticResult[] expected, string? equivalenceKey = null)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.Net100,
            TestCode = before,
            FixedCode = after,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        TestReferences.Apply(test.TestState);
        TestReferences.Apply(test.FixedState);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
