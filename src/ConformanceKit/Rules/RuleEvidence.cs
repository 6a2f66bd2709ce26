namespace NetDma.ConformanceKit.Rules;

/// <summary>
/// What enforces one rule and what proves the enforcement fires, as <c>Rules/rule-evidence.json</c> records it. That
/// file is generated from the repository (analyzer descriptors, the kit's check sites, the bundled scripts, the tests)
/// and a test fails when it is stale; <c>bash eng/update-generated.sh</c> regenerates it.
/// </summary>
/// <param name="Analyzers">The analyzers that report the rule's diagnostic (type names).</param>
/// <param name="RuntimeChecks">The kit members that report the rule at run time (<c>Type.Member</c>).</param>
/// <param name="Scripts">The bundled scripts that assert a violation of the rule (<c>selftest/ndma3004-cpu-outside-mask</c>).</param>
/// <param name="ProvenBy">The tests that name the rule in what they assert (<c>TestClass.Method</c>).</param>
public sealed record RuleEvidence(
    IReadOnlyList<string> Analyzers, IReadOnlyList<string> RuntimeChecks, IReadOnlyList<string> Scripts, IReadOnlyList<string> ProvenBy)
{
    /// <summary>No check and no proof.</summary>
    public static RuleEvidence None { get; } = new([], [], [], []);

    /// <summary>True when some test shows the rule's check firing.</summary>
    public bool IsProven => ProvenBy.Count > 0;
}
