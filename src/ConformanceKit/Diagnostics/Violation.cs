using NetDma.ConformanceKit.Rules;

namespace NetDma.ConformanceKit.Diagnostics;

/// <summary>
/// One broken rule, observed at run time: the rule, what the contract expected, what happened, the page that states
/// the requirement for the DDI involved, and the call sequence that led there. A run-time check sees one path, so a
/// violation holds on this call sequence (<see cref="Scope"/>), not necessarily on every path.
/// </summary>
/// <param name="Rule">The rule broken.</param>
/// <param name="Expected">What the contract required, e.g. "CpuNumber with its bit set in ProcessorAffinityMask 0x6".</param>
/// <param name="Actual">What happened, e.g. "CpuNumber = 0".</param>
/// <param name="Page">The reference page for this DDI (defaults to the rule's page).</param>
/// <param name="CallSequence">The calls that led here, oldest first, ending with the offending one.</param>
public sealed record Violation(Rule Rule, string Expected, string Actual, string Page, IReadOnlyList<string> CallSequence)
{
    /// <summary>Where the violation holds: run-time checks observe one call sequence.</summary>
    public string Scope => "observed on this call sequence";

    /// <summary>The one-paragraph message every report prints.</summary>
    public string Message =>
        $"{Rule.Id} ({Rule.Level}): {Rule.Statement} Expected: {Expected}. Actual: {Actual}. " +
        $"Holds: {Scope}. Source: {Page}.";

    /// <inheritdoc/>
    public override string ToString() => Message;
}
