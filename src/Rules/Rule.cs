// Shared rule source: compiled into NetDma.ConformanceKit (public, namespace NetDma.ConformanceKit.Rules) and into
// NetDma.Analyzers (internal, namespace NetDma.Analyzers), see src/Rules/README.md.
#if NETDMA_ANALYZERS
namespace NetDma.Analyzers;
#else
namespace NetDma.ConformanceKit.Rules;
#endif

/// <summary>
/// One documented requirement with a stable ID: <c>NDMA</c> + 4 digits, where the first digit is the area
/// (1 IRQL, 2 NTSTATUS, 3 NetDMA lifecycle and channels, 4 WDM adapter channel and map registers, 5 memory and
/// descriptors). Analyzer diagnostics and run-time violations cite the same IDs.
/// </summary>
/// <param name="Id">The stable ID, e.g. <c>NDMA3004</c>.</param>
/// <param name="Level">MUST or SHOULD.</param>
/// <param name="Statement">The requirement in one line, in the kit's words.</param>
/// <param name="Page">
/// The spec page it comes from (file name under <c>shared/spec/ddi</c> or <c>shared/spec/guides</c>), or null for a kit
/// rule that no page of the corpus states (a requirement of the simulated machine itself, such as "a driver routine does
/// not throw"): reports then say <see cref="NoCorpusPage"/> instead of a file name.
/// </param>
#if NETDMA_ANALYZERS
internal
#else
public
#endif
sealed record Rule(string Id, RuleLevel Level, string Statement, string? Page)
{
    /// <summary>What reports print as the source of a rule with no corpus page (<see cref="Page"/> null).</summary>
    public const string NoCorpusPage = "kit rule, no corpus page";

    /// <summary>True when a page of the spec corpus states the rule (<see cref="Page"/> is set).</summary>
    public bool HasCorpusPage => Page is not null;

    /// <summary>The rule's source as reports print it: its page's file name, or <see cref="NoCorpusPage"/>.</summary>
    public string Source => Page ?? NoCorpusPage;

    /// <summary>Where the rule is enforced (run time unless stated).</summary>
    public RuleEnforcement Enforcement { get; init; } = RuleEnforcement.RunTime;

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Level}): {Statement} [{Source}]";
}
