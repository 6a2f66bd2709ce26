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
    public void RoutineEntered(in TraceEntry entry, bool traced) => _trace.EnterRoutine(entry, traced);

    /// <inheritdoc/>
    public void RoutineLeft(bool returned) => _trace.LeaveRoutine(returned);

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
        var routine = _trace.RunningRoutine?.Trim();
        return Abandoned(StatusRules.CallbackTerminates, ScriptExecutionSteps.DriverHung,
            $"the routine returns within {watchdog.TotalSeconds:0.###} s",
            (routine is null ? "no return to the script while no driver routine was running (the kit was busy between calls)" : $"no return from: {routine}") +
            $"; {aftermath}",
            duration);
    }

    /// <summary>
    /// The result of an execution whose worker process died (the bug check of this world): NDMA2002 against the routine
    /// that was running, at the command that was running, saying how the process ended; everything observed before stays.
    /// </summary>
    /// <param name="death">How the process ended, e.g. <c>exit code 134 (SIGABRT)</c> and its last words on stderr.</param>
    /// <param name="duration">How long it ran.</param>
    public ScriptResult Crashed(string death, TimeSpan duration)
    {
        var routine = _trace.RunningRoutine?.Trim();
        return Abandoned(StatusRules.CallbackReturns, ScriptExecutionSteps.DriverCrashed,
            "the routine returns to its caller and the driver's process keeps running",
            routine is null ? $"the worker process died between driver calls: {death}" : $"the worker process died during: {routine}: {death}",
            duration);
    }

    private ScriptResult Abandoned(Rule rule, string step, string expected, string actual, TimeSpan duration)
    {
        lock (_gate)
        {
            var location = _command ?? script.Commands.FirstOrDefault()?.Location ?? new SourceLocation(script.File, 1, 1);
            var violation = new Violation(rule, expected, actual, rule.Page, _trace.Tail(), location);
            _violations.Add(violation);
            _checks.Add(new CheckResult(location, step, false, [rule.Id], violation.Details));
            return Result(ScriptOutcome.Failed, null, duration);
        }
    }

    private ScriptResult Result(ScriptOutcome outcome, string? skipReason, TimeSpan duration) =>
        new(script.File, Path.GetFileNameWithoutExtension(script.File), script.Title, outcome, [.. _checks], [.. _violations], skipReason)
        {
            Duration = duration,
            Faults = [.. _faults],
            DriverKind = script.DriverKind,
        };
}
