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
/// <param name="Page">The spec page it comes from (file name under <c>shared/spec/ddi</c> or <c>shared/spec/guides</c>).</param>
#if NETDMA_ANALYZERS
internal
#else
public
#endif
sealed record Rule(string Id, RuleLevel Level, string Statement, string Page)
{
    /// <summary>Where the rule is enforced (run time unless stated).</summary>
    public RuleEnforcement Enforcement { get; init; } = RuleEnforcement.RunTime;

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Level}): {Statement} [{Page}]";
}
