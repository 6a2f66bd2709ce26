using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using NetDma.Analyzers.Tests.Support;
using NetDma.ConformanceKit.Rules;

namespace NetDma.Analyzers.Tests.Catalog;

/// <summary>
/// Derives every rule's <see cref="RuleEvidence"/> from the repository, the way <c>Rules/rule-evidence.json</c> records it:
/// <list type="bullet">
/// <item>analyzers: the analyzer types whose SupportedDiagnostics carry the rule's ID;</item>
/// <item>run-time checks: the members of the kit's simulation (src/ConformanceKit, outside the folders that only report
/// or describe rules) that name the rule (<c>LifecycleRules.CpuNumberInMask</c>);</item>
/// <item>scripts: the bundled scripts with an <c>assert_violation</c> of the rule;</item>
/// <item>proven by: the members of test classes (tests/, names ending in <c>Tests</c>, outside the report and command-line
/// tests, which use rule IDs as sample data) that name the rule: by its field, its ID constant, or its ID in a string (an
/// expected diagnostic, an <c>assert_violation</c> line, a markup span).</item>
/// </list>
/// The scan is syntactic (Roslyn syntax trees, no binding): a member that names a rule only to say it is absent counts
/// too, which is why a name is evidence a reader can follow, not a proof by itself.
/// </summary>
internal static class RuleEvidenceScanner
{
    /// <summary>Folders of src/ConformanceKit that describe, report or select rules rather than check them.</summary>
    private static readonly string[] NotChecks = ["Rules", "Reporting", "Verification", "Cli", "Xunit", "Worker", "Requirements"];

    /// <summary>Test classes that name rules to test the catalog itself, not a check.</summary>
    private static readonly string[] CatalogTests = ["RuleEvidenceTests", "RuleSourceTests", "RuleDocumentationTests", "RequirementCatalogTests", "RulePagesTests", "CatalogCommandTests"];

    /// <summary>Test folders whose tests use rule IDs as sample data for reports and the command line, not to trip a check.</summary>
    private static readonly string[] NotProofFolders = ["tests/NetDma.ConformanceKit.Tests/Reporting", "tests/NetDma.ConformanceKit.Tests/Cli"];

    private static readonly Regex IdInText = new(@"\bNDMA\d{4}\b", RegexOptions.CultureInvariant);
    private static readonly Regex AssertViolation = new(@"^\s*assert_violation\s+(NDMA\d{4})\b", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    public static IReadOnlyDictionary<string, RuleEvidence> Scan()
    {
        var fields = RuleFieldNames();
        var analyzers = Analyzers();
        var checks = Named(RepositoryFiles.CSharpFiles("src/ConformanceKit").Where(IsCheckSource), fields, literals: false, _ => true);
        var proofs = Named(RepositoryFiles.CSharpFiles("tests").Where(IsProofSource), fields, literals: true, type => type.EndsWith("Tests", StringComparison.Ordinal) && !CatalogTests.Contains(type));
        var scripts = Scripts();

        return RuleCatalog.All.ToDictionary(
            rule => rule.Id,
            rule => new RuleEvidence(
                Sorted(analyzers, rule.Id), Sorted(checks, rule.Id), Sorted(scripts, rule.Id), Sorted(proofs, rule.Id)),
            StringComparer.Ordinal);
    }

    private static List<string> Sorted(Dictionary<string, SortedSet<string>> found, string id) =>
        found.TryGetValue(id, out var set) ? [.. set] : [];

    private static bool IsProofSource(string path) =>
        !NotProofFolders.Any(folder => path.StartsWith(RepositoryFiles.PathOf(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private static bool IsCheckSource(string path)
    {
        var relative = Path.GetRelativePath(RepositoryFiles.PathOf("src/ConformanceKit"), path).Split(Path.DirectorySeparatorChar);
        return relative.Length > 1 && !NotChecks.Contains(relative[0]);
    }

    /// <summary><c>IrqlRules.CallAtContractIrql</c>, <c>RuleSource.CallAtContractIrql</c>, <c>Ids.CallAtContractIrql</c> → NDMA1001.</summary>
    private static Dictionary<string, string> RuleFieldNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var area in new[] { typeof(IrqlRules), typeof(StatusRules), typeof(LifecycleRules), typeof(AdapterRules), typeof(MemoryRules) })
        {
            foreach (var field in area.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(ConformanceKit.Rules.Rule)))
            {
                var id = ((ConformanceKit.Rules.Rule)field.GetValue(null)!).Id;
                names[$"{area.Name}.{field.Name}"] = id;
                names[$"RuleSource.{field.Name}"] = id;
                names[$"Ids.{field.Name}"] = id;
            }
        }

        return names;
    }

    private static Dictionary<string, SortedSet<string>> Analyzers()
    {
        var found = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var type in AnalyzerRunner.AnalyzerTypes())
        {
            foreach (var descriptor in ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            {
                Add(found, descriptor.Id, type.Name);
            }
        }

        return found;
    }

    private static Dictionary<string, SortedSet<string>> Scripts()
    {
        var root = RepositoryFiles.PathOf("src/ConformanceKit/Scripts");
        var found = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "*.ndma", SearchOption.AllDirectories))
        {
            var name = Path.ChangeExtension(Path.GetRelativePath(root, path), null).Replace(Path.DirectorySeparatorChar, '/');
            foreach (Match match in AssertViolation.Matches(File.ReadAllText(path)))
            {
                Add(found, match.Groups[1].Value, name);
            }
        }

        return found;
    }

    private static Dictionary<string, SortedSet<string>> Named(IEnumerable<string> files, Dictionary<string, string> fields, bool literals, Func<string, bool> typeFilter)
    {
        var found = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path).GetRoot();
            foreach (var access in root.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
            {
                var text = access.Expression is MemberAccessExpressionSyntax inner ? $"{inner.Name}.{access.Name}" : $"{access.Expression}.{access.Name}";
                if (fields.TryGetValue(text, out var id) && Owner(access, typeFilter) is { } owner)
                {
                    Add(found, id, owner);
                }
            }

            if (!literals)
            {
                continue;
            }

            foreach (var token in root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken)))
            {
                foreach (Match match in IdInText.Matches(token.ValueText))
                {
                    if (token.Parent is { } node && Owner(node, typeFilter) is { } owner)
                    {
                        Add(found, match.Value, owner);
                    }
                }
            }
        }

        return found;
    }

    /// <summary><c>Type.Member</c> of the member around <paramref name="node"/>, when its type passes <paramref name="typeFilter"/>.</summary>
    private static string? Owner(SyntaxNode node, Func<string, bool> typeFilter)
    {
        var type = node.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault();
        if (type is null || !typeFilter(type.Identifier.Text))
        {
            return null;
        }

        var member = node.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m is not BaseTypeDeclarationSyntax);
        var name = member switch
        {
            MethodDeclarationSyntax method => method.Identifier.Text,
            ConstructorDeclarationSyntax => type.Identifier.Text,
            PropertyDeclarationSyntax property => property.Identifier.Text,
            FieldDeclarationSyntax field => field.Declaration.Variables.First().Identifier.Text,
            OperatorDeclarationSyntax => "operator",
            _ => null,
        };
        return name is null ? type.Identifier.Text : $"{type.Identifier.Text}.{name}";
    }

    private static void Add(Dictionary<string, SortedSet<string>> found, string id, string value)
    {
        if (RuleCatalog.TryGet(id, out _))
        {
            (found.TryGetValue(id, out var set) ? set : found[id] = new SortedSet<string>(StringComparer.Ordinal)).Add(value);
        }
    }
}
