using NetDma.ConformanceKit.Rules;

namespace NetDma.ConformanceKit.Diagnostics;

/// <summary>
/// How many observations the run-time check of one rule judged in one <see cref="ViolationLog"/>: the log's own
/// count (<see cref="ViolationLog.Evaluations"/>), handed to a check site that runs on every device access so that it
/// counts with one increment instead of a dictionary lookup per access (the copy engine's fixed cost per descriptor,
/// docs/performance.md). <see cref="ViolationLog.Checked"/> increments the same object.
/// </summary>
internal sealed class RuleEvaluationCounter(Rule rule)
{
    /// <summary>The rule whose check is counted.</summary>
    public Rule Rule { get; } = rule;

    /// <summary>Observations judged so far, violations included.</summary>
    public int Count { get; private set; }

    /// <summary>Counts one observation judged (conforming or not), at the check site before its condition.</summary>
    public void Checked() => Count++;
}
