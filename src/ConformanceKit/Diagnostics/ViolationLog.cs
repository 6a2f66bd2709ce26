using System.Runtime.InteropServices;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Diagnostics;

/// <summary>
/// Where every simulated component reports a broken rule (the Driver Verifier analogue: record and go on instead of
/// throwing into driver code). Scripts consume expected violations with <c>assert_violation</c>; whatever is left
/// unconsumed at the end of a script fails it. Each violation is attributed to the script command running when it was
/// observed (<see cref="BeginCommand"/>), and handed to the trace's <see cref="CallTrace.Observer"/> as it happens.
/// </summary>
public sealed class ViolationLog(CallTrace trace)
{
    private readonly List<Violation> _pending = [];
    private readonly List<Violation> _all = [];
    // Counted by the rule object, hashed by reference: a check runs on every device access, and hashing the rule's ID
    // string there cost more than the access's own checks (the copy engine's fixed cost per descriptor). The checks on
    // every device access hold their counter (CounterFor) and skip even this lookup.
    private readonly Dictionary<Rule, RuleEvaluationCounter> _evaluations = new(ReferenceEqualityComparer.Instance);

    /// <summary>The call trace quoted by every violation.</summary>
    public CallTrace Trace { get; } = trace;

    /// <summary>Every violation reported, in order.</summary>
    public IReadOnlyList<Violation> All => _all;

    /// <summary>
    /// How many times each rule's run-time check was evaluated so far (rule ID to count), violations included: a
    /// snapshot, taken when read. A rule missing here was never judged in this run: what it requires was not
    /// exercised, so a green run says nothing about it.
    /// </summary>
    public IReadOnlyDictionary<string, int> Evaluations
    {
        get
        {
            var byId = new Dictionary<string, int>(_evaluations.Count, StringComparer.Ordinal);
            foreach (var (rule, counter) in _evaluations)
            {
                // A counter handed out (CounterFor) whose check never ran is not an evaluation.
                if (counter.Count > 0)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(byId, rule.Id, out _) += counter.Count;
                }
            }

            return byId;
        }
    }

    /// <summary>Violations not yet consumed by an <c>assert_violation</c>.</summary>
    public IReadOnlyList<Violation> Pending => _pending;

    /// <summary>The script command running now (file:line:column), or null outside any script.</summary>
    public SourceLocation? CurrentCommand => _laneCommand.Value ?? _command;

    private SourceLocation? _command;

    // The line a lane of a concurrently block runs, on the lane's own thread: interleaved lanes report at their own line.
    private readonly ThreadLocal<SourceLocation?> _laneCommand = new();

    /// <summary>Marks the start of the script command at <paramref name="location"/>: what is reported next happens during it.</summary>
    public void BeginCommand(SourceLocation location)
    {
        _command = location;
        Trace.Observer?.CommandStarted(location);
    }

    /// <summary>
    /// Marks that the calling thread runs the lane at <paramref name="location"/> of a concurrently block (null when it
    /// is done): what this thread reports meanwhile happens during that line.
    /// </summary>
    internal void BeginLane(SourceLocation? location)
    {
        _laneCommand.Value = location;
        if (location is { } lane)
        {
            Trace.Observer?.LaneStarted(lane, Environment.CurrentManagedThreadId);
        }
        else
        {
            Trace.Observer?.LaneEnded(Environment.CurrentManagedThreadId);
        }
    }

    /// <summary>
    /// Records that the check of <paramref name="rule"/> judged one observation (a call, an access, a state) and found
    /// it conforming or not. Called at the check site before its condition, so the run report can tell a verified rule
    /// from one that was never exercised.
    /// </summary>
    public void Checked(Rule rule) => CounterFor(rule).Checked();

    /// <summary>
    /// The counter <see cref="Checked"/> increments for <paramref name="rule"/>, for a check site that runs so often
    /// (every device access) that it keeps the counter instead of looking it up each time. Counts nothing by itself.
    /// </summary>
    internal RuleEvaluationCounter CounterFor(Rule rule)
    {
        ref var counter = ref CollectionsMarshal.GetValueRefOrAddDefault(_evaluations, rule, out _);
        return counter ??= new RuleEvaluationCounter(rule);
    }

    /// <summary>Records a violation of <paramref name="rule"/> (which also counts as an evaluation of its check).</summary>
    /// <param name="rule">The rule broken.</param>
    /// <param name="expected">What the contract required.</param>
    /// <param name="actual">What happened.</param>
    /// <param name="page">The DDI's page, when more specific than the rule's.</param>
    /// <returns>The recorded violation.</returns>
    public Violation Report(Rule rule, string expected, string actual, string? page = null)
    {
        Checked(rule);
        var (tail, timeline) = Trace.Quote();
        var violation = new Violation(rule, expected, actual, page ?? rule.Page, tail, CurrentCommand) { Timeline = timeline };
        _pending.Add(violation);
        _all.Add(violation);
        Trace.Observer?.ViolationReported(violation);
        return violation;
    }

    /// <summary>Removes and returns the first pending violation of rule <paramref name="ruleId"/>, if any.</summary>
    public Violation? Consume(string ruleId)
    {
        var index = _pending.FindIndex(v => v.Rule.Id == ruleId);
        if (index < 0)
        {
            return null;
        }

        var violation = _pending[index];
        _pending.RemoveAt(index);
        return violation;
    }
}
