using Microsoft.CodeAnalysis;
using NetDma.Analyzers.Tests.Support;

namespace NetDma.Analyzers.Tests.Rules;

/// <summary>
/// The Wrong and Right examples of the IRQL rule pages are real: each compiles, the Wrong one raises its rule and the
/// Right one raises no IRQL diagnostic at all.
/// </summary>
public sealed class IrqlRuleExamplesTests
{
    public static TheoryData<string> IrqlRules() =>
    [
        RuleIdentifiers.CallAtContractIrql,
        RuleIdentifiers.NoBlockingWaitAtDispatch,
        RuleIdentifiers.PagedPoolAtPassiveOrApc,
        RuleIdentifiers.RaiseUpLowerDown,
        RuleIdentifiers.ReturnAtEntryIrql,
        RuleIdentifiers.ImplementationKeepsContractIrql,
    ];

    [Theory]
    [MemberData(nameof(IrqlRules))]
    public async Task The_wrong_example_reports_its_rule(string id)
    {
        var diagnostics = await AnalyzeExampleAsync(id, "## Wrong");
        Assert.Contains(diagnostics, d => d.Id == id);
    }

    [Theory]
    [MemberData(nameof(IrqlRules))]
    public async Task The_right_example_reports_no_IRQL_rule(string id)
    {
        var diagnostics = await AnalyzeExampleAsync(id, "## Right");
        Assert.Empty(diagnostics.Where(d => d.Descriptor.Category == RuleDescriptors.IrqlCategory).Select(d => d.ToString()));
    }

    private static async Task<IReadOnlyList<Diagnostic>> AnalyzeExampleAsync(string id, string section)
    {
        var page = RulePage.TryLoad(id);
        Assert.True(page is not null, $"{RulePage.LinkOf(id)} does not exist");
        var code = page.CSharpBlock(section);
        Assert.True(code is not null, $"{RulePage.LinkOf(id)}: no ```csharp example under {section}");

        var compilation = new AnalyzerRunner().Compile([($"{id}{section.TrimStart('#', ' ')}.cs", code)]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        var run = await AnalyzerRunner.RunAsync(compilation, AnalyzerRunner.AllAnalyzers());
        Assert.Empty(run.Exceptions);
        return run.Diagnostics;
    }
}
