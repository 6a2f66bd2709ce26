using System.Diagnostics;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Running;

/// <summary>
/// Runs scripts in this process, each on its own thread under a watchdog: a driver routine that never returns (a
/// deadlock, an infinite wait) is reported as NDMA2003 with the call sequence that led there, the script fails, and the
/// run goes on with the next script. The hung thread cannot be stopped safely: it is abandoned (a background thread)
/// and keeps its CPU until the process ends, and a driver that kills its process ends the run. That is why the CLI
/// runs drivers in a worker process (<see cref="Isolation.WorkerScriptRunner"/>) unless told <c>--in-process</c>, the
/// mode for stepping through a provider in a debugger.
/// </summary>
/// <param name="factory">Creates a fresh driver per script.</param>
/// <param name="watchdog">How long one script may run before it is declared hung.</param>
/// <param name="faults">Faults injected into every script (docs/faults.md), or null for none.</param>
public sealed class InProcessScriptRunner(IDriverFactory factory, TimeSpan watchdog, Faults.FaultSpec? faults = null) : IScriptRunner
{
    /// <inheritdoc/>
    public string DriverName => factory.Name;

    /// <inheritdoc/>
    public bool HasNetDmaDriver => factory.CreateNetDmaDriver() is not null;

    /// <inheritdoc/>
    public ScriptResult Run(Script script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var recorder = new ScriptRecorder(script);
        var execution = new ScriptExecution(script, factory, recorder, faults);
        var thread = new Thread(execution.Run) { IsBackground = true, Name = $"script {Path.GetFileName(script.File)}" };
        var clock = Stopwatch.StartNew();
        thread.Start();
        return thread.Join(watchdog)
            ? recorder.Complete(execution.SkipReason, clock.Elapsed, execution.Log.Evaluations)
            : recorder.Hung(watchdog, "its thread was abandoned and keeps running until the process ends", clock.Elapsed);
    }

    /// <summary>Nothing to release: scripts run on threads of this process.</summary>
    public void Dispose()
    {
    }
}
