using Microsoft.CodeAnalysis.Diagnostics;
using NetDma.Analyzers.Tests.Support;
using NetDma.Tests.Shared;

namespace NetDma.Analyzers.Tests;

/// <summary>
/// Every diagnostic the analyzers can report links to its page, <c>docs/rules/&lt;ID&gt;.md</c>, and that page exists,
/// names the rule and has the sections of <see cref="RulePage.Headings"/>: what, why (citing spec pages that exist),
/// a wrong and a right C# example, the PREfast/SDV/Driver Verifier equivalent, and the .editorconfig line that
/// configures it. Every catalog rule enforced at compile time has a page.
/// </summary>
public sealed class RuleDocumentationTests
{
    public static TheoryData<string, string> Descriptors()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in AnalyzerRunner.AnalyzerTypes())
        {
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                data.Add(type.Name, descriptor.Id);
            }
        }

        return data;
    }

    [Fact]
    public void The_assembly_has_analyzers_to_document() => Assert.NotEmpty(Descriptors());

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Every_descriptor_links_to_its_rule_page(string analyzer, string id)
    {
        var descriptor = ((DiagnosticAnalyzer)Activator.CreateInstance(AnalyzerRunner.AnalyzerTypes().Single(t => t.Name == analyzer))!)
            .SupportedDiagnostics.First(d => d.Id == id);
        Assert.Equal(RulePage.LinkOf(id), descriptor.HelpLinkUri);
        Assert.True(RulePage.TryLoad(id) is not null, $"{analyzer} reports {id}, but {RulePage.LinkOf(id)} does not exist");
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Every_rule_page_names_its_rule_and_has_every_section_in_order(string analyzer, string id)
    {
        var page = RulePage.TryLoad(id);
        Assert.True(page is not null, $"{RulePage.LinkOf(id)} (rule of {analyzer}) does not exist");
        Assert.StartsWith($"# {id}: ", page.Lines[0], StringComparison.Ordinal);

        var positions = RulePage.Headings.Select(heading => page.Lines.ToList().IndexOf(heading)).ToList();
        for (var i = 0; i < RulePage.Headings.Count; i++)
        {
            Assert.True(positions[i] >= 0, $"{RulePage.LinkOf(id)} has no line \"{RulePage.Headings[i]}\"");
            if (i > 0)
            {
                Assert.True(positions[i] > positions[i - 1], $"{RulePage.LinkOf(id)}: \"{RulePage.Headings[i]}\" comes before \"{RulePage.Headings[i - 1]}\"");
            }
        }

        Assert.True(page.CSharpBlock("## Wrong") is not null, $"{RulePage.LinkOf(id)}: the Wrong section has no ```csharp example");
        Assert.True(page.CSharpBlock("## Right") is not null, $"{RulePage.LinkOf(id)}: the Right section has no ```csharp example");
        Assert.Contains($"dotnet_diagnostic.{id}.severity", string.Join("\n", page.Section("## Configure")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Every_rule_page_cites_spec_pages_that_exist(string analyzer, string id)
    {
        var page = RulePage.TryLoad(id);
        Assert.True(page is not null, $"{RulePage.LinkOf(id)} (rule of {analyzer}) does not exist");
        var cited = page.PagesNamedIn("## Why");
        Assert.True(cited.Count > 0, $"{RulePage.LinkOf(id)}: the Why section names no spec page");

        // The spec corpus sits beside the checkout (../shared/spec, or $NETDMA_SPEC_DIR); without it this test fails.
        var spec = SpecDirectory.Root;
        var known = Directory.EnumerateFiles(spec, "*.md", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        Assert.All(cited, name => Assert.True(known.Contains(name), $"{RulePage.LinkOf(id)} cites {name}, which is not in {spec}"));
    }
}
