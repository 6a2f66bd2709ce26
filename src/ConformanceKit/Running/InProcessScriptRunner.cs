using System.Diagnostics;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Running;

/// <summary>
/// Runs scripts in this process, one after another on a thread of their own (<see cref="ScriptThread"/>), under a watchdog: a driver routine that never returns (a
/// deadlock, an infinite wait) is reported as NDMA2003 with the call sequence that led there, the script fails, and the
/// run goes on with the next script. The hung thread cannot be stopped safely: it is abandoned (a background thread)
/// and keeps its CPU until the process ends, and a driver that kills its process ends the run. That is why the CLI
/// runs drivers in a worker process (<see cref="Isolation.WorkerScriptRunner"/>) unless told <c>--in-process</c>, the
/// mode for stepping through a provider in a debugger.
/// </summary>
/// <param name="factory">Creates a fresh driver per script.</param>
/// <param name="watchdog">How long one script may run before it is declared hung.</param>
/// <param name="faults">Faults injected into every script (docs/faults.md), or null for none.</param>
/// <param name="schedules">Schedule exploration of every script (<c>--schedules</c>), or null for sequential mode.</param>
public sealed class InProcessScriptRunner(IDriverFactory factory, TimeSpan watchdog, Faults.FaultSpec? faults = null,
    Concurrency.ScheduleOptions? schedules = null) : IScriptRunner
{
    /// <inheritdoc/>
    public string DriverName => factory.Name;

    /// <inheritdoc/>
    public bool HasNetDmaDriver => factory.CreateNetDmaDriver() is not null;

    /// <inheritdoc/>
    public ScriptResult Run(Script script)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (schedules is not null)
        {
            return Explore(script, schedules);
        }

        var recorder = new ScriptRecorder(script);
        var execution = new ScriptExecution(script, factory, recorder, faults);
        var thread = _thread ??= new ScriptThread();
        var clock = Stopwatch.StartNew();
        if (thread.Run(execution.Run, watchdog))
        {
            return recorder.Complete(execution.SkipReason, clock.Elapsed, execution.Log.Evaluations);
        }

        // The hung script keeps its thread; the next script gets a new one.
        thread.Abandon();
        _thread = null;
        return recorder.Hung(watchdog, "its thread was abandoned and keeps running until the process ends", clock.Elapsed);
    }

    // The thread sequential scripts run on, one after another; null before the first and after a hung one.
    private ScriptThread? _thread;

    /// <summary>
    /// Runs <paramref name="script"/> under the schedules of <paramref name="options"/> (<see cref="ScheduledExecution"/>)
    /// on a thread of its own, each schedule under the watchdog (<see cref="ScheduleWatchdog"/>).
    /// </summary>
    private ScriptResult Explore(Script script, Concurrency.ScheduleOptions options)
    {
        var exploration = new ScheduledExecution(script, factory, faults, options);
        var clock = Stopwatch.StartNew();
        var guard = new ScheduleWatchdog(watchdog);
        Concurrency.ScheduleReport? report = null;
        var thread = new Thread(() => report = exploration.Run(recorder =>
        {
            guard.ScheduleStarted();
            return recorder;
        }))
        { IsBackground = true, Name = $"schedules of {Path.GetFileName(script.File)}" };
        thread.Start();
        if (!guard.Wait(thread.Join))
        {
            return (exploration.Recorder ?? new ScriptRecorder(script)).Hung(watchdog,
                "its schedule exploration thread was abandoned and keeps running until the process ends", clock.Elapsed);
        }

        return exploration.Result(report!);
    }

    /// <summary>Ends the thread scripts ran on (a hung script's abandoned thread is left to run until the process ends).</summary>
    public void Dispose()
    {
        _thread?.Dispose();
        _thread = null;
    }
}
