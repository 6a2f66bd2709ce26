using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetDma.Analyzers.Tests.Support;

/// <summary>
/// The C# sources the analyzer tests use, read back from the test files themselves (every non-interpolated string
/// literal that holds code), so a test added anywhere in this project joins the corpus without being registered.
/// Markup (<c>{|#0:...|}</c>, <c>[|...|]</c>) is removed. A literal that declares a type is a whole file (the
/// provider usings are added when it has none); a fragment that writes <c>pProviderChannelContext</c> is an
/// AllocateDmaChannel body (<see cref="Sources.Provider"/>); any other fragment is a set of members
/// (<see cref="Sources.Driver"/>).
/// </summary>
public static partial class TestSourceCorpus
{
    /// <summary>Named sources: the test file and line of the literal, and the compilable text.</summary>
    public static IReadOnlyList<(string Name, string Text)> Load()
    {
        var sources = new List<(string, string)>();
        var testRoot = RepositoryFiles.PathOf("tests/NetDma.Analyzers.Tests");
        foreach (var path in RepositoryFiles.CSharpFiles("tests/NetDma.Analyzers.Tests"))
        {
            if (path.Contains(Path.DirectorySeparatorChar + "Support" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue; // Infrastructure: its templates reach the corpus through the fragments wrapped below.
            }

            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path);
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                if (token.Kind() is not (SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken)
                    || !LooksLikeCode(token.ValueText))
                {
                    continue;
                }

                var name = $"{Path.GetRelativePath(testRoot, path)}:{token.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";
                sources.Add((name, Compilable(RemoveMarkup(token.ValueText))));
            }
        }

        return sources;
    }

    /// <summary>The text without Microsoft.CodeAnalysis.Testing markup.</summary>
    public static string RemoveMarkup(string text) => Markup().Replace(text, string.Empty);

    private static bool LooksLikeCode(string text) =>
        text.Length >= 20 && text.Contains('(', StringComparison.Ordinal) && (text.Contains(';', StringComparison.Ordinal) || text.Contains('{', StringComparison.Ordinal));

    private static string Compilable(string text)
    {
        if (DeclaresType().IsMatch(text))
        {
            return text.Contains("using ", StringComparison.Ordinal) ? text : Sources.Usings + text;
        }

        return text.Contains("pProviderChannelContext", StringComparison.Ordinal) ? Sources.Provider(text) : Sources.Driver(text);
    }

    [GeneratedRegex(@"\{\|[^:|{}]*:|\|\}|\[\||\|\]")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\b(class|struct|interface|record|namespace)\s+\w")]
    private static partial Regex DeclaresType();
}
