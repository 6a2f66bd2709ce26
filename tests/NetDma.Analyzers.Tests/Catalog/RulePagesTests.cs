using System.Text;
using System.Text.RegularExpressions;
using NetDma.Analyzers.Tests.Support;
using NetDma.ConformanceKit.Requirements;
using NetDma.ConformanceKit.Rules;
using NetDma.Tests.Shared;

namespace NetDma.Analyzers.Tests.Catalog;

/// <summary>
/// Every rule has <c>docs/rules/&lt;ID&gt;.md</c>. Its title line (<c># ID: statement</c>) and its last section,
/// <c>## Enforced by</c>, are generated from the rule source, the rule evidence and the requirement catalog; the
/// sections between them are written by hand (What, Why, Wrong, Right, Equivalent, and Configure for analyzer rules).
/// Every relative link of every page resolves.
/// </summary>
public sealed partial class RulePagesTests
{
    private const string EnforcedBy = "## Enforced by";

    public static TheoryData<string> RuleIds() => new(RuleCatalog.All.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_page_with_its_generated_title_and_enforcement(string id)
    {
        var relative = RulePage.LinkOf(id);
        var path = RepositoryFiles.PathOf(relative);
        Assert.True(File.Exists(path), $"{relative} does not exist: every rule has a page (What, Why, Wrong, Right, Equivalent)");
        var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').ToList();

        var rule = RuleCatalog.Get(id);
        lines[0] = $"# {rule.Id}: {rule.Statement.TrimEnd('.')}";
        var end = lines.IndexOf(EnforcedBy);
        var body = (end < 0 ? lines : lines[..end]).ToList();
        while (body.Count > 0 && body[^1].Length == 0)
        {
            body.RemoveAt(body.Count - 1);
        }

        foreach (var heading in new[] { "## What", "## Why", "## Wrong", "## Right", "## Equivalent" })
        {
            Assert.True(body.Contains(heading), $"{relative} has no \"{heading}\" section");
        }

        GeneratedFile.AssertUpToDate(relative, string.Join('\n', body) + "\n\n" + EnforcementSection(rule));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_link_of_a_rule_page_resolves(string id)
    {
        var relative = RulePage.LinkOf(id);
        var path = RepositoryFiles.PathOf(relative);
        Assert.True(File.Exists(path), $"{relative} does not exist");
        var folder = Path.GetDirectoryName(path)!;
        foreach (Match link in RelativeLink().Matches(File.ReadAllText(path)))
        {
            var target = Path.GetFullPath(Path.Combine(folder, link.Groups["target"].Value.Split('#')[0]));
            var spec = Path.GetFullPath(SpecDirectory.Root);
            var specInRepoLayout = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "..", "shared", "spec"));
            if (target.StartsWith(specInRepoLayout, StringComparison.Ordinal))
            {
                target = spec + target[specInRepoLayout.Length..]; // ../shared/spec, or wherever $NETDMA_SPEC_DIR points.
            }

            Assert.True(File.Exists(target) || Directory.Exists(target), $"{relative}: the link ({link.Groups["target"].Value}) leads nowhere ({target})");
        }
    }

    /// <summary>The generated last section of a rule page.</summary>
    private static string EnforcementSection(ConformanceKit.Rules.Rule rule)
    {
        var evidence = RuleCatalog.EvidenceOf(rule.Id);
        var requirements = RequirementCatalog.Default.CheckedBy(rule.Id);
        var text = new StringBuilder();
        text.Append(EnforcedBy).Append("\n\n");
        text.Append("<!-- Generated from src/Rules/RuleSource.cs, src/ConformanceKit/Rules/rule-evidence.json and the requirement catalog by `bash eng/update-generated.sh`; edit those, not this section. -->\n\n");
        text.Append($"- Level: {rule.Level}. Source page: {(rule.Page is { } page ? $"[{page}]({SpecLink(page)})" : ConformanceKit.Rules.Rule.NoCorpusPage)}.\n");
        text.Append($"- Analyzers (compile time): {List(evidence.Analyzers, "none")}.\n");
        text.Append($"- Run-time checks: {List(evidence.RuntimeChecks, "none")}.\n");
        text.Append($"- Self-test scripts: {(evidence.Scripts.Count == 0 ? "none" : string.Join(", ", evidence.Scripts.Select(s => $"[`{s}`](../../src/ConformanceKit/Scripts/{s}.ndma)")))}.\n");
        text.Append($"- Tests naming the rule: {List(evidence.ProvenBy, "none yet")}.\n");
        text.Append($"- Requirements it checks ({requirements.Count}): {(requirements.Count == 0 ? "none" : string.Join(", ", requirements.Select(r => $"{r.Id} ({r.Status.ToString().ToLowerInvariant()})")))}.\n");
        return text.ToString();
    }

    private static string List(IReadOnlyList<string> values, string none) => values.Count == 0 ? none : string.Join(", ", values.Select(v => $"`{v}`"));

    /// <summary>The page's link from docs/rules/, in the checkout's layout (the spec beside the repository).</summary>
    private static string SpecLink(string page)
    {
        var found = Directory.EnumerateFiles(SpecDirectory.Root, page, SearchOption.AllDirectories).FirstOrDefault()
            ?? throw new InvalidOperationException($"the rule source cites {page}, which is not in {SpecDirectory.Root}");
        return "../../../shared/spec/" + Path.GetRelativePath(SpecDirectory.Root, found).Replace(Path.DirectorySeparatorChar, '/');
    }

    [GeneratedRegex(@"\]\((?<target>(?!https?:|#|mailto:)[^)\s]+)\)")]
    private static partial Regex RelativeLink();
}
