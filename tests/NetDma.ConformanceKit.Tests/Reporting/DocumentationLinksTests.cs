using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>
/// <see cref="DocumentationLinks"/>: every rule's help page is an absolute https Microsoft Learn URI derived from its
/// source page, and the repository pages it names exist.
/// </summary>
public sealed class DocumentationLinksTests
{
    public static TheoryData<string> RuleIds => [.. RuleCatalog.All.Where(r => r.HasCorpusPage).Select(r => r.Id)];

    public static TheoryData<string> KitRuleIds => [.. RuleCatalog.All.Where(r => !r.HasCorpusPage).Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(KitRuleIds))]
    public void A_kit_rule_with_no_corpus_page_has_no_help_page_and_says_so(string id)
    {
        var rule = RuleCatalog.Get(id);

        Assert.Null(DocumentationLinks.ForRule(rule));
        Assert.Equal(Rule.NoCorpusPage, rule.Source);
        Assert.Equal("kit rule, no corpus page", Rule.NoCorpusPage);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_help_page_is_an_absolute_https_Learn_URI_ending_in_its_source_page(string id)
    {
        var rule = RuleCatalog.Get(id);

        var help = DocumentationLinks.ForRule(rule)!;

        Assert.True(help.IsAbsoluteUri);
        Assert.Equal(Uri.UriSchemeHttps, help.Scheme);
        Assert.Equal("learn.microsoft.com", help.Host);
        Assert.EndsWith("/" + Path.GetFileNameWithoutExtension(rule.Page!), help.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nc-netdma-dma_channel_allocate_handler.md", "https://learn.microsoft.com/windows-hardware/drivers/ddi/netdma/nc-netdma-dma_channel_allocate_handler")]
    [InlineData("ns-netdma-_net_dma_channel_parameters.md", "https://learn.microsoft.com/windows-hardware/drivers/ddi/netdma/ns-netdma-_net_dma_channel_parameters")]
    [InlineData("ne-netdma-_net_dma_pnp_notification_code.md", "https://learn.microsoft.com/windows-hardware/drivers/ddi/netdma/ne-netdma-_net_dma_pnp_notification_code")]
    [InlineData("nf-wdm-iogetdmaadapter.md", "https://learn.microsoft.com/windows-hardware/drivers/ddi/wdm/nf-wdm-iogetdmaadapter")]
    [InlineData("nf-ntddk-kesettargetprocessordpc.md", "https://learn.microsoft.com/windows-hardware/drivers/ddi/ntddk/nf-ntddk-kesettargetprocessordpc")]
    [InlineData("dma-verification.md", "https://learn.microsoft.com/windows-hardware/drivers/devtest/dma-verification")]
    [InlineData("irql-annotations-for-drivers.md", "https://learn.microsoft.com/windows-hardware/drivers/devtest/irql-annotations-for-drivers")]
    [InlineData("managing-hardware-priorities.md", "https://learn.microsoft.com/windows-hardware/drivers/kernel/managing-hardware-priorities")]
    [InlineData("registering-a-netdma-provider.md", "https://learn.microsoft.com/windows-hardware/drivers/network/registering-a-netdma-provider")]
    public void A_spec_page_maps_to_its_Learn_page(string page, string expected)
    {
        Assert.Equal(new Uri(expected), DocumentationLinks.ForSpecPage(page));
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("not-a-spec-page.md")]
    public void A_page_outside_the_spec_corpus_has_no_link(string page)
    {
        Assert.Throws<ArgumentException>(() => DocumentationLinks.ForSpecPage(page));
    }

    [Fact]
    public void The_tool_information_page_is_the_Learn_introduction_to_NetDMA()
    {
        Assert.Equal(DocumentationLinks.ForSpecPage("introduction-to-the-netdma-interface.md"), DocumentationLinks.Tool);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_names_its_repository_page_and_the_page_exists(string id)
    {
        var rule = RuleCatalog.Get(id);

        var page = DocumentationLinks.RepositoryPage(rule);

        Assert.Equal($"docs/rules/{rule.Id}.md", page);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, page)), $"{page} does not exist");
    }
}
