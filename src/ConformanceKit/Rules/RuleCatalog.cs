namespace NetDma.ConformanceKit.Rules;

/// <summary>The one catalog of rule IDs: every area's rules, in ID order, with lookup by ID.</summary>
public static class RuleCatalog
{
    /// <summary>All rules, in ID order.</summary>
    public static IReadOnlyList<Rule> All { get; } = RuleSource.All;

    private static readonly Dictionary<string, Rule> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>The rule with ID <paramref name="id"/> (<c>NDMA3004</c>).</summary>
    /// <exception cref="KeyNotFoundException">No rule has that ID.</exception>
    public static Rule Get(string id) =>
        ById.TryGetValue(id, out var rule) ? rule : throw new KeyNotFoundException($"no rule {id} in the catalog");

    /// <summary>What enforces rule <paramref name="id"/> and which tests prove it (<see cref="RuleEvidence.None"/> for none).</summary>
    public static RuleEvidence EvidenceOf(string id) =>
        RuleEvidenceFile.Embedded.TryGetValue(id, out var evidence) ? evidence : RuleEvidence.None;

    /// <summary>Finds a rule by ID (<c>NDMA3004</c>).</summary>
    public static bool TryGet(string id, out Rule rule) => ById.TryGetValue(id, out rule!);
}
