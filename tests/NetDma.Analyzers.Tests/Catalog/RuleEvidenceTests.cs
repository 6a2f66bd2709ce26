using NetDma.ConformanceKit.Rules;

namespace NetDma.Analyzers.Tests.Catalog;

/// <summary>
/// <c>src/ConformanceKit/Rules/rule-evidence.json</c>, which <c>netdma-kit rules</c>, the requirement statuses and the
/// rule pages read, is what the repository says today; and every rule is enforced where the rule source says it is.
/// </summary>
public sealed class RuleEvidenceTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, RuleEvidence>> Scanned = new(RuleEvidenceScanner.Scan);

    [Fact]
    public void The_evidence_file_is_up_to_date()
    {
        GeneratedFile.AssertUpToDate("src/ConformanceKit/Rules/rule-evidence.json", RuleEvidenceFile.Format(Scanned.Value));
    }

    [Fact]
    public void The_kit_reads_the_evidence_the_repository_shows()
    {
        if (GeneratedFile.Updating)
        {
            return; // The embedded copy is the one before this run's regeneration; the next build embeds the new one.
        }

        foreach (var rule in RuleCatalog.All)
        {
            Assert.Equal(Scanned.Value[rule.Id], RuleCatalog.EvidenceOf(rule.Id), EvidenceComparer.Instance);
        }
    }

    public static TheoryData<string> RuleIds() => new(RuleCatalog.All.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_check_where_the_rule_source_says_it_is_enforced(string id)
    {
        var rule = RuleCatalog.Get(id);
        var evidence = Scanned.Value[id];
        if (rule.Enforcement.HasFlag(ConformanceKit.Rules.RuleEnforcement.RunTime))
        {
            Assert.True(evidence.RuntimeChecks.Count > 0, $"{id} is enforced at run time, but no member of the kit's simulation reports it");
        }

        if (rule.Enforcement.HasFlag(ConformanceKit.Rules.RuleEnforcement.CompileTime))
        {
            Assert.True(evidence.Analyzers.Count > 0, $"{id} is enforced at compile time, but no analyzer reports it");
        }
        else
        {
            Assert.True(evidence.Analyzers.Count == 0, $"{id} is reported by {string.Join(", ", evidence.Analyzers)}, but the rule source does not say CompileTime");
        }
    }

    private sealed class EvidenceComparer : IEqualityComparer<RuleEvidence>
    {
        public static readonly EvidenceComparer Instance = new();

        public bool Equals(RuleEvidence? x, RuleEvidence? y) =>
            x is not null && y is not null
            && x.Analyzers.SequenceEqual(y.Analyzers) && x.RuntimeChecks.SequenceEqual(y.RuntimeChecks)
            && x.Scripts.SequenceEqual(y.Scripts) && x.ProvenBy.SequenceEqual(y.ProvenBy);

        public int GetHashCode(RuleEvidence obj) => obj.Analyzers.Count;
    }
}
