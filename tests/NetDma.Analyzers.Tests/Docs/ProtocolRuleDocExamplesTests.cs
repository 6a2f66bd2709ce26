using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetDma.Analyzers.Rules;
using NetDma.Analyzers.Tests.Support;

namespace NetDma.Analyzers.Tests.Docs;

/// <summary>
/// The examples of docs/rules/NDMAxxxx.md for the NTSTATUS and protocol rules are real: the Wrong example compiles and
/// raises the rule with exactly the message the page quotes; the Right example compiles and raises nothing.
/// </summary>
public sealed partial class ProtocolRuleDocExamplesTests
{
    public static TheoryData<string> Rules() => new(Analyzers.Keys);

    private static readonly ImmutableDictionary<string, Func<DiagnosticAnalyzer>> Analyzers = new Dictionary<string, Func<DiagnosticAnalyzer>>
    {
        [RuleIdentifiers.DocumentedStatusOnly] = () => new DocumentedStatusAnalyzer(),
        [RuleIdentifiers.InspectResult] = () => new InspectResultAnalyzer(),
        [RuleIdentifiers.RegisterInAddDevice] = () => new RegisterProviderLocationAnalyzer(),
        [RuleIdentifiers.DistinctChannelContext] = () => new ChannelContextAnalyzer(),
        [RuleIdentifiers.CpuNumberReported] = () => new CpuNumberAnalyzer(),
        [RuleIdentifiers.NotFromAdapterControl] = () => new AllocateAdapterChannelReentrancyAnalyzer(),
        [RuleIdentifiers.MapRegistersWithinMax] = () => new MapRegistersAnalyzer(),
    }.ToImmutableDictionary();

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Wrong_example_raises_the_rule_with_the_quoted_message(string id)
    {
        var (code, quoted) = Example(id, "Wrong");
        var diagnostics = await Analyze(id, code);
        var messages = diagnostics.Where(d => d.Id == id).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(messages.Count == 1, $"{id}.md Wrong example: expected one {id}, got: {string.Join(" | ", diagnostics)}");
        Assert.Equal(quoted, messages[0]);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Right_example_raises_nothing(string id)
    {
        var (code, _) = Example(id, "Right");
        var diagnostics = await Analyze(id, code);
        Assert.True(diagnostics.IsEmpty, $"{id}.md Right example: {string.Join(" | ", diagnostics)}");
    }

    /// <summary>The csharp block of section <paramref name="section"/> and the message quoted after it (backticked paragraph, lines joined).</summary>
    private static (string Code, string? Quoted) Example(string id, string section)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "rules", id + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = page.IndexOf($"\n## {section}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{id}.md has no ## {section} section");
        var end = page.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var text = page[start..(end < 0 ? page.Length : end)];
        var block = CodeBlock().Match(text);
        Assert.True(block.Success, $"{id}.md ## {section} has no csharp block");
        var after = text[(block.Index + block.Length)..].TrimStart('\n');
        var paragraphEnd = after.IndexOf("\n\n", StringComparison.Ordinal);
        var quoted = after.StartsWith('`') ? after[..(paragraphEnd < 0 ? after.Length : paragraphEnd)].Trim().Replace('\n', ' ').Trim('`') : null;
        return (block.Groups["code"].Value, quoted);
    }

    private static async Task<ImmutableArray<Diagnostic>> Analyze(string id, string code)
    {
        var compilation = CSharpCompilation.Create(
            id + "Example",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), $"{id}.cs")],
            Basic.Reference.Assemblies.Net100.References.All.Append(TestReferences.Contracts),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{id}.md example does not compile: {string.Join(" | ", errors)}");
        var analyzer = Analyzers[id]();
        var exceptions = new List<string>();
        var diagnostics = await compilation.WithAnalyzers(
                [analyzer],
                new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (exception, _, _) => exceptions.Add(exception.ToString()), concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        return diagnostics;
    }

    [GeneratedRegex("```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
