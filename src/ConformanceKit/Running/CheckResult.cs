using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Running;

/// <summary>
/// One line of a script's report: an assertion or a failure, where it is, whether it held, the rule IDs involved and
/// the message (what was expected, what happened).
/// </summary>
/// <param name="Location">file:line:column of the script line (for end-of-script checks, the last line).</param>
/// <param name="Step">What was checked, e.g. <c>assert_cpu_in_mask ch0</c> or <c>unexpected violation</c>.</param>
/// <param name="Passed">True when the check held.</param>
/// <param name="RuleIds">Rule IDs the check concerns (empty for data assertions with no rule).</param>
/// <param name="Message">Expected/actual text; for violations, the violation message and call sequence.</param>
public sealed record CheckResult(SourceLocation Location, string Step, bool Passed, IReadOnlyList<string> RuleIds, string Message);
