using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Diagnostics;

/// <summary>
/// One broken rule, observed at run time: the rule, what the contract expected, what happened, the page that states
/// the requirement for the DDI involved, and the call sequence that led there. A run-time check sees one path, so a
/// violation holds on this call sequence (<see cref="Scope"/>), not necessarily on every path.
/// </summary>
/// <param name="Rule">The rule broken.</param>
/// <param name="Expected">What the contract required, e.g. "CpuNumber with its bit set in ProcessorAffinityMask 0x6".</param>
/// <param name="Actual">What happened, e.g. "CpuNumber = 0".</param>
/// <param name="Page">The reference page for this DDI (defaults to the rule's page); null when neither the check nor the rule has a corpus page (a kit rule).</param>
/// <param name="CallSequence">The calls that led here, oldest first, ending with the offending one.</param>
/// <param name="Location">The script command (file:line:column) during which the kit observed it, or null outside any script.</param>
public sealed record Violation(Rule Rule, string Expected, string Actual, string? Page, IReadOnlyList<string> CallSequence, SourceLocation? Location = null)
{
    /// <summary>Where the violation holds: run-time checks observe one call sequence.</summary>
    public string Scope => "observed on this call sequence";

    /// <summary>The one-paragraph message every report prints.</summary>
    public string Message =>
        $"{Rule.Id} ({Rule.Level}): {Rule.Statement} Expected: {Expected}. Actual: {Actual}. " +
        $"Holds: {Scope}. Source: {Source}.";

    /// <summary>The source as the message prints it: <see cref="Page"/>, or <see cref="Rule.NoCorpusPage"/> for a kit rule.</summary>
    public string Source => Page ?? Rule.NoCorpusPage;

    /// <summary>
    /// Under schedule exploration, when the call sequence spans several processors (or a processor and the hardware):
    /// the same calls placed on the processor that made each, for the per-CPU timeline <see cref="Details"/> shows;
    /// null for a sequential run or a sequence on one processor.
    /// </summary>
    public IReadOnlyList<TimelineEntry>? Timeline { get; init; }

    /// <summary>
    /// <see cref="Message"/> followed by the call sequence, one call per indented line, and, when there is a
    /// <see cref="Timeline"/>, the same calls as a per-CPU timeline (<see cref="ProcessorTimeline"/>): what a report shows.
    /// </summary>
    public string Details =>
        Message + Environment.NewLine + "  call sequence (oldest first):" + Environment.NewLine +
        string.Join(Environment.NewLine, CallSequence.Select(c => "    " + c)) +
        (Timeline is { } timeline
            ? Environment.NewLine + "  per-CPU timeline (oldest first, one row per call):" + Environment.NewLine +
              string.Join(Environment.NewLine, ProcessorTimeline.Render(timeline).Select(line => "    " + line))
              + (ProcessorTimeline.ShowsHeldLocks(timeline) ? Environment.NewLine + "    " + ProcessorTimeline.HeldLocksLegend : string.Empty)
            : string.Empty);

    /// <inheritdoc/>
    public override string ToString() => Message;
}
