using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Running;

/// <summary>
/// One line of a script's report: an assertion or a failure, where it is, whether it held, the rule IDs involved and
/// the message (what was expected, what happened).
/// </summary>
/// <param name="Location">
/// file:line:column of the script command the check concerns: an assertion's own line, or, for a violation, the command
/// during which the kit observed it.
/// </param>
/// <param name="Step">What was checked, e.g. <c>assert_cpu_in_mask ch0</c> or <c>unexpected violation</c>.</param>
/// <param name="Passed">True when the check held.</param>
/// <param name="RuleIds">Rule IDs the check concerns (empty for data assertions with no rule).</param>
/// <param name="Message">Expected/actual text; for violations, the violation message and call sequence.</param>
/// <param name="AssertedAt">
/// For a violation found by an assertion on a later line (<c>assert_no_violation</c>), that assertion's location; null
/// when the check is located where it was asserted.
/// </param>
public sealed record CheckResult(SourceLocation Location, string Step, bool Passed, IReadOnlyList<string> RuleIds, string Message, SourceLocation? AssertedAt = null)
{
    /// <summary>The step as reports print it: <see cref="Step"/>, followed for a violation found further down by that assertion's line (<c>assert_no_violation (line 23)</c>).</summary>
    public string Title => AssertedAt is { } assertedAt ? $"{Step} (line {assertedAt.Line})" : Step;
}
