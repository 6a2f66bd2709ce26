using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using NetDma.Analyzers.Tests.Support;

namespace NetDma.Analyzers.Tests.Docs;

/// <summary>
/// The examples of every rule page are real: the Wrong example compiles and raises its rule (with the exact message
/// when the page quotes one), the Right example compiles and raises no NDMA diagnostic at all. All analyzers run
/// together, as in a provider author's build.
/// </summary>
public sealed class RuleExampleTests
{
    public static TheoryData<string> Rules() =>
        new(RuleSource.All.Where(r => r.Enforcement.HasFlag(RuleEnforcement.CompileTime)).Select(r => r.Id));

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task The_wrong_example_reports_its_rule(string id)
    {
        var (page, diagnostics) = await AnalyzeExampleAsync(id, "## Wrong");

        var messages = diagnostics.Where(d => d.Id == id).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.True(messages.Count > 0, $"{RulePage.LinkOf(id)} Wrong example raises no {id}; it raises: {string.Join(" | ", diagnostics)}");
        if (page.QuotedMessage("## Wrong") is { } quoted)
        {
            Assert.Contains(quoted, messages);
        }
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task The_right_example_reports_nothing(string id)
    {
        var (_, diagnostics) = await AnalyzeExampleAsync(id, "## Right");

        Assert.True(diagnostics.Count == 0, $"{RulePage.LinkOf(id)} Right example raises: {string.Join(" | ", diagnostics)}");
    }

    private static async Task<(RulePage Page, IReadOnlyList<Diagnostic> Diagnostics)> AnalyzeExampleAsync(string id, string section)
    {
        var page = RulePage.TryLoad(id);
        Assert.True(page is not null, $"{RulePage.LinkOf(id)} does not exist");
        var code = page.CSharpBlock(section);
        Assert.True(code is not null, $"{RulePage.LinkOf(id)}: no ```csharp example under {section}");

        var compilation = new AnalyzerRunner().Compile([($"{id}{section.TrimStart('#', ' ')}.cs", code)]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        var run = await AnalyzerRunner.RunAsync(compilation, AnalyzerRunner.AllAnalyzers());
        Assert.Empty(run.Exceptions);
        return (page, run.Diagnostics);
    }
}
