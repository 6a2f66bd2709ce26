using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Running;

/// <summary>
/// Assembles one script's <see cref="ScriptResult"/> from what its execution observed, in whichever process that ran:
/// the checks, the violations, the command running and a mirror of the call trace with the driver routines running.
/// Because it holds everything observed so far, it can also give the verdict of an execution that never finished: a
/// driver that hung (NDMA2003) or a worker process that died (NDMA2002), located at the command that was running.
/// </summary>
/// <remarks>Thread-safe: the script's thread (or a worker's message stream) writes while a watchdog may read.</remarks>
/// <param name="script">The script being run.</param>
public sealed class ScriptRecorder(Script script) : IExecutionObserver
{
    private readonly Lock _gate = new();
    private readonly CallTrace _trace = new();
    private readonly List<CheckResult> _checks = [];
    private readonly List<Violation> _violations = [];
    private readonly List<Faults.InjectedFault> _faults = [];
    private SourceLocation? _command;

    // The lane of a concurrently block each thread runs now: a hang or a death inside the block is located at the lane
    // of the routine that was running, not at the block's line.
    private readonly Dictionary<int, SourceLocation> _lanes = [];

    /// <summary>The script command observed running last, or null before the first.</summary>
    public SourceLocation? CurrentCommand
    {
        get
        {
            lock (_gate)
            {
                return _command;
            }
        }
    }

    /// <summary>The trace entry of the innermost driver routine running now, or null.</summary>
    public string? RunningRoutine => _trace.RunningRoutine;

    /// <inheritdoc/>
    public void CommandStarted(SourceLocation location)
    {
        lock (_gate)
        {
            _command = location;
        }
    }

    /// <inheritdoc/>
    public void Traced(in TraceEntry entry) => _trace.Record(entry);

    /// <inheritdoc/>
    public void RoutineEntered(in TraceEntry entry, bool traced, int thread) => _trace.EnterRoutine(entry, traced, thread);

    /// <inheritdoc/>
    public void RoutineLeft(bool returned, int thread) => _trace.LeaveRoutine(returned, thread);

    /// <inheritdoc/>
    public void LaneStarted(SourceLocation location, int thread)
    {
        lock (_gate)
        {
            _lanes[thread] = location;
        }
    }

    /// <inheritdoc/>
    public void LaneEnded(int thread)
    {
        lock (_gate)
        {
            _lanes.Remove(thread);
        }
    }

    /// <inheritdoc/>
    public void ViolationReported(Violation violation)
    {
        lock (_gate)
        {
            _violations.Add(violation);
        }
    }

    /// <inheritdoc/>
    public void CheckRecorded(CheckResult check)
    {
        lock (_gate)
        {
            _checks.Add(check);
        }
    }

    /// <inheritdoc/>
    public void FaultInjected(Faults.InjectedFault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>The result of an execution that ran to its end (or stopped at a skip).</summary>
    /// <param name="skipReason">Why the script was skipped, or null.</param>
    /// <param name="duration">How long it ran.</param>
    /// <param name="evaluations">How many times each rule's check was evaluated (<see cref="ViolationLog.Evaluations"/>).</param>
    public ScriptResult Complete(string? skipReason, TimeSpan duration, IReadOnlyDictionary<string, int> evaluations)
    {
        lock (_gate)
        {
            var outcome = skipReason is not null ? ScriptOutcome.Skipped
                : _checks.All(c => c.Passed) ? ScriptOutcome.Passed
                : ScriptOutcome.Failed;
            return Result(outcome, skipReason, duration) with { Evaluations = new Dictionary<string, int>(evaluations, StringComparer.Ordinal) };
        }
    }

    /// <summary>
    /// The result of an execution that did not finish within <paramref name="watchdog"/>: NDMA2003 against the routine
    /// that was running, at the command that was running; everything observed before stays in the result.
    /// </summary>
    /// <param name="watchdog">The per-script budget it exceeded.</param>
    /// <param name="aftermath">What became of the code that hung, e.g. <c>the worker process was killed</c>.</param>
    /// <param name="duration">How long it ran before it was given up.</param>
    public ScriptResult Hung(TimeSpan watchdog, string aftermath, TimeSpan duration)
    {
        var running = _trace.RunningRoutines();
        return Abandoned(StatusRules.CallbackTerminates, ScriptExecutionSteps.DriverHung,
            $"the routine returns within {watchdog.TotalSeconds:0.###} s",
            (running.Count == 0 ? "no return to the script while no driver routine was running (the kit was busy between calls)" : $"no return from: {Describe(running)}") +
            $"; {aftermath}",
            running, duration);
    }

    /// <summary>
    /// The result of an execution whose worker process died (the bug check of this world): NDMA2002 against the routine
    /// that was running, at the command that was running, saying how the process ended; everything observed before stays.
    /// </summary>
    /// <param name="death">How the process ended, e.g. <c>exit code 134 (SIGABRT)</c> and its last words on stderr.</param>
    /// <param name="duration">How long it ran.</param>
    public ScriptResult Crashed(string death, TimeSpan duration)
    {
        var running = _trace.RunningRoutines();
        return Abandoned(StatusRules.CallbackReturns, ScriptExecutionSteps.DriverCrashed,
            "the routine returns to its caller and the driver's process keeps running",
            running.Count == 0 ? $"the worker process died between driver calls: {death}" : $"the worker process died during: {Describe(running)}: {death}",
            running, duration);
    }

    // The routine entered last is the one named; when other processors were inside driver code too (a concurrently
    // block under schedules), the message names theirs, because the kit cannot tell which of them was on the CPU.
    private static string Describe(IReadOnlyList<(int Thread, string Entry)> running) =>
        running[^1].Entry.Trim() +
        (running.Count > 1 ? $" (also running on other processors then: {string.Join("; ", running.Take(running.Count - 1).Select(r => r.Entry.Trim()))})" : string.Empty);

    private ScriptResult Abandoned(Rule rule, string step, string expected, string actual, IReadOnlyList<(int Thread, string Entry)> running, TimeSpan duration)
    {
        lock (_gate)
        {
            var location = LocationOf(running);
            var violation = new Violation(rule, expected, actual, rule.Page, _trace.Tail(), location);
            _violations.Add(violation);
            _checks.Add(new CheckResult(location, step, false, [rule.Id], violation.Details));
            return Result(ScriptOutcome.Failed, null, duration);
        }
    }

    // Inside a concurrently block, the lane of the thread that entered the named routine, or the block's only lane in
    // flight; else the command that was running.
    private SourceLocation LocationOf(IReadOnlyList<(int Thread, string Entry)> running)
    {
        if (running.Count > 0 && _lanes.TryGetValue(running[^1].Thread, out var lane))
        {
            return lane;
        }

        return _lanes.Count == 1 ? _lanes.Values.First()
            : _command ?? script.Commands.FirstOrDefault()?.Location ?? new SourceLocation(script.File, 1, 1);
    }

    private ScriptResult Result(ScriptOutcome outcome, string? skipReason, TimeSpan duration) =>
        new(script.File, Path.GetFileNameWithoutExtension(script.File), script.Title, outcome, [.. _checks], [.. _violations], skipReason)
        {
            Duration = duration,
            Faults = [.. _faults],
            DriverKind = script.DriverKind,
        };
}
