using System.Diagnostics;
using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Running;

/// <summary>
/// Runs one script under the schedules of a <see cref="ScheduleOptions"/> (<see cref="ScheduleExplorer"/>), each
/// schedule a complete run on a fresh machine with a recorder of its own; the result is the first failing schedule's
/// run (with its replay trace) or the last passing one. The one mechanism behind <c>--schedules</c> in this process
/// (<see cref="InProcessScriptRunner"/>) and in a worker process (<see cref="Isolation.WorkerService"/>), which is why
/// both give the same result for the same seed.
/// </summary>
/// <param name="script">The script.</param>
/// <param name="factory">Creates a fresh driver per schedule (a rewritten copy's factory turns on Coyote's race checking).</param>
/// <param name="faults">Faults injected into every schedule's run, or null.</param>
/// <param name="options">Schedules, strategy, seed, or the trace to replay.</param>
internal sealed class ScheduledExecution(Script script, IDriverFactory factory, Faults.FaultSpec? faults, ScheduleOptions options)
{
    private readonly Stopwatch _clock = new();
    private ScriptRecorder? _recorder;
    private ScriptResult? _last;

    /// <summary>The recorder of the schedule running now (or run last), or null before the first: what a watchdog reports.</summary>
    public ScriptRecorder? Recorder => Volatile.Read(ref _recorder);

    /// <summary>Explores the schedules; returns Coyote's report of them. Call once.</summary>
    /// <param name="observe">
    /// The observer of one schedule's run around its recorder (called as each schedule starts, before its first
    /// observation), or null for the recorder alone.
    /// </param>
    public ScheduleReport Run(Func<ScriptRecorder, IExecutionObserver>? observe = null)
    {
        _clock.Start();
        return ScheduleExplorer.Explore(options, scheduler =>
        {
            var recorder = new ScriptRecorder(script);
            Volatile.Write(ref _recorder, recorder);
            var execution = new ScriptExecution(script, factory, observe?.Invoke(recorder) ?? recorder, faults, scheduler);
            execution.Run();
            _last = recorder.Complete(execution.SkipReason, _clock.Elapsed, execution.Log.Evaluations);
            return _last.Outcome != ScriptOutcome.Failed;
        }, rewrittenProvider: factory is TypeDriverFactory { IsRewritten: true });
    }

    /// <summary>The script's result after <see cref="Run"/>: the first failing schedule's run or the last passing one, with <paramref name="report"/>.</summary>
    public ScriptResult Result(ScheduleReport report) =>
        (_last ?? new ScriptRecorder(script).Complete(NoScheduleRan, _clock.Elapsed, new Dictionary<string, int>())) with
        {
            Duration = _clock.Elapsed,
            Schedules = report,
        };

    /// <summary>The skip reason of an exploration in which no schedule ran.</summary>
    internal const string NoScheduleRan = "no schedule ran";
}
