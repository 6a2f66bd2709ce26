using System.Text.RegularExpressions;
using NetDma.ConformanceKit.Requirements;
using NetDma.ConformanceKit.Rules;
using NetDma.Tests.Shared;

namespace NetDma.ConformanceKit.Tests.Requirements;

/// <summary>
/// The requirement catalog against the pages it transcribes: every row is anchored by a quote found on its page, every
/// page of the corpus has rows, IDs follow the page order, and statuses are consistent with the rules and their proofs.
/// </summary>
public sealed partial class RequirementCatalogTests
{
    /// <summary>
    /// Driver-binding requirements no check covers yet. The target is zero (issue 7); this number may only go down:
    /// a new check that covers a row lowers it here, a new uncovered row must come with its check.
    /// </summary>
    private const int UncoveredCeiling = 0;

    private static RequirementCatalog Catalog => RequirementCatalog.Default;

    [Fact]
    public void The_catalog_transcribes_well_over_two_hundred_statements_with_unique_ids()
    {
        Assert.True(Catalog.All.Count > 200, $"{Catalog.All.Count} requirements");
        var duplicates = Catalog.All.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"duplicate IDs: {string.Join(", ", duplicates)}");
    }

    [Fact]
    public void Every_requirement_quotes_its_page()
    {
        var missing = new List<string>();
        foreach (var group in Catalog.All.GroupBy(r => r.Page))
        {
            var path = Path.Combine(SpecDirectory.Root, group.Key);
            Assert.True(File.Exists(path), $"{group.First().Id}: its page {group.Key} is not in {SpecDirectory.Root}");
            var text = Normalize(File.ReadAllText(path));
            missing.AddRange(group.Where(r => !text.Contains(Normalize(r.Quote), StringComparison.Ordinal)).Select(r => $"{r.Id}: \"{r.Quote}\""));
        }

        Assert.True(missing.Count == 0, "quotes not found on their page:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_page_of_the_corpus_has_requirements()
    {
        var pages = Directory.EnumerateFiles(SpecDirectory.Root, "*.md", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(p) is not ("TOC.md" or "index.md" or "README.md"))
            .Select(p => Path.GetRelativePath(SpecDirectory.Root, p).Replace(Path.DirectorySeparatorChar, '/'))
            .ToHashSet(StringComparer.Ordinal);
        var covered = Catalog.All.Select(r => r.Page).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(pages.Except(covered).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ids_number_each_page_s_statements_in_order()
    {
        foreach (var page in Catalog.All.GroupBy(r => r.Id[..r.Id.LastIndexOf('-')]))
        {
            var numbers = page.Select(r => int.Parse(r.Id[(r.Id.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
            Assert.Single(page.Select(r => r.Page).Distinct());
        }
    }

    [Fact]
    public void A_requirement_is_proven_only_when_every_rule_checking_it_is_proven()
    {
        foreach (var requirement in Catalog.All.Where(r => r.Rules.Count > 0))
        {
            var proven = requirement.Rules.All(id => RuleCatalog.EvidenceOf(id).IsProven);
            Assert.Equal(proven ? RequirementStatus.Proven : RequirementStatus.Enforced, requirement.Status);
        }
    }

    [Fact]
    public void Stated_statuses_have_their_reason_and_fit_whom_the_requirement_binds()
    {
        foreach (var requirement in Catalog.All)
        {
            var stated = requirement.Status is RequirementStatus.Host or RequirementStatus.NotModelled or RequirementStatus.Undecidable;
            Assert.Equal(stated, !string.IsNullOrWhiteSpace(requirement.Reason));
            if (requirement.Status is RequirementStatus.Host or RequirementStatus.NotModelled)
            {
                Assert.Equal(RequirementBinding.System, requirement.Binds);
            }

            if (requirement.Status is RequirementStatus.Undecidable or RequirementStatus.Uncovered)
            {
                Assert.Equal(RequirementBinding.Provider, requirement.Binds);
            }
        }
    }

    [Fact]
    public void Uncovered_driver_requirements_do_not_grow()
    {
        var uncovered = Catalog.All.Where(r => r.Status == RequirementStatus.Uncovered).ToList();
        Assert.True(uncovered.Count <= UncoveredCeiling,
            $"{uncovered.Count} uncovered driver requirements (ceiling {UncoveredCeiling}):\n" + string.Join("\n", uncovered.Select(r => $"{r.Id}: {r.Text}")));
    }

    [Fact]
    public void At_most_three_rules_with_a_corpus_page_check_no_requirement_of_the_catalog()
    {
        // A kit rule (no corpus page: NDMA2002, NDMA3040, NDMA5003 ...) has no page whose statements the catalog holds,
        // so no row can name it. A rule that cites a page but checks none of its rows either is the kit's own under a
        // page (NDMA2003, it must return) or its wording still needs its page (issue 7's fidelity pass).
        var unanchored = RuleCatalog.All.Where(r => r.HasCorpusPage && Catalog.CheckedBy(r.Id).Count == 0).Select(r => r.Id).ToList();
        Assert.True(unanchored.Count <= 3, "rules with a corpus page that no requirement names: " + string.Join(", ", unanchored));
    }

    [Theory]
    [InlineData("""{"pages":{"P":"ddi/x.md"},"requirements":[{"id":"P-1","page":"Q","quote":"q","text":"t","binds":"provider"}]}""", "page key 'Q' is not in \"pages\"")]
    [InlineData("""{"pages":{"P":"ddi/x.md"},"requirements":[{"id":"P-1","page":"P","quote":"q","text":"t","binds":"driver"}]}""", "binds is 'driver', expected provider or system")]
    [InlineData("""{"pages":{"P":"ddi/x.md"},"requirements":[{"id":"P-1","page":"P","quote":"q","text":"t","binds":"provider","rules":["NDMA9999"]}]}""", "no rule NDMA9999")]
    [InlineData("""{"pages":{"P":"ddi/x.md"},"requirements":[{"id":"P-1","page":"P","quote":"q","text":"t","binds":"system"}]}""", "needs a status")]
    [InlineData("""{"pages":{"P":"ddi/x.md"},"requirements":[{"id":"P-1","page":"P","quote":"q","text":"t","binds":"provider","status":"host","reason":"r"}]}""", "status 'host' does not fit a provider requirement")]
    [InlineData("""{"pages":{"P":"ddi/x.md"},"requirements":[{"id":"P-1","page":"P","quote":"q","text":"t","binds":"system","status":"host"}]}""", "a reason goes with a stated status")]
    [InlineData("""{"pages":{"P":"ddi/x.md"},"requirements":[{"id":"P-1","page":"P","quote":"q","text":"t","binds":"provider","rules":["NDMA3004"],"status":"undecidable","reason":"r"}]}""", "drop \"status\"")]
    [InlineData("""{"pages":""", "not requirement-catalog JSON")]
    public void A_malformed_catalog_row_is_refused_with_its_file_and_id(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => RequirementCatalog.Parse([("bad.json", json)], _ => RuleEvidence.None));
        Assert.StartsWith("bad.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statuses_are_computed_from_the_rules_proofs()
    {
        const string json = """{"pages":{"P":"ddi/x.md"},"requirements":[{"id":"P-1","page":"P","quote":"q","text":"t","binds":"provider","rules":["NDMA3004"]},{"id":"P-2","page":"P","quote":"q","text":"t","binds":"provider"}]}""";
        var proven = new RuleEvidence([], ["NetDmaHost.CheckAllocatedChannel"], [], ["SomeTests.It_fires"]);
        var enforced = new RuleEvidence([], ["NetDmaHost.CheckAllocatedChannel"], [], []);

        Assert.Equal([RequirementStatus.Proven, RequirementStatus.Uncovered], RequirementCatalog.Parse([("a.json", json)], _ => proven).All.Select(r => r.Status));
        Assert.Equal([RequirementStatus.Enforced, RequirementStatus.Uncovered], RequirementCatalog.Parse([("a.json", json)], _ => enforced).All.Select(r => r.Status));
    }

    /// <summary>The quote check's normal form: Markdown links keep their text; emphasis, backticks and escapes go; whitespace collapses.</summary>
    private static string Normalize(string text)
    {
        var plain = MarkdownLink().Replace(text, "$1");
        plain = plain.Replace("\\", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal)
            .Replace("_", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal).Replace('\u00a0', ' ');
        return Whitespace().Replace(plain, " ");
    }

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
