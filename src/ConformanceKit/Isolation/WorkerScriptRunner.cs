using System.Diagnostics;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// Runs scripts against a driver loaded in a worker process, in the manner of a test host: the kit process keeps the
/// scripts, the timeouts, the verdicts and the reports; the worker runs the simulated machine with the provider and
/// streams every observation back as it happens. A worker that dies (FailFast, stack overflow, Environment.Exit, an
/// unhandled exception on any thread, exhausted memory) fails the script with NDMA2002, naming the routine that was
/// running, the call sequence and the exit code or signal; one that exceeds the watchdog, blocking or spinning, is
/// killed (no CPU leaks) and the script fails with NDMA2003. Either way the next script gets a fresh worker.
/// </summary>
public sealed class WorkerScriptRunner : IScriptRunner
{
    private readonly DriverSource _source;
    private readonly WorkerOptions _options;
    private readonly List<int> _processIds = [];
    private WorkerProcess? _worker;

    /// <summary>Starts a worker and loads <paramref name="source"/> in it.</summary>
    /// <param name="source">The provider assembly and, optionally, the driver class.</param>
    /// <param name="options">Watchdog, worker path, heap limit; null for the defaults.</param>
    /// <exception cref="DriverLoadException">The assembly is missing, not .NET, or holds no (or several) driver classes.</exception>
    /// <exception cref="WorkerStartException">The worker could not be started.</exception>
    public WorkerScriptRunner(DriverSource source, WorkerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _options = options ?? new WorkerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Watchdog, TimeSpan.Zero, nameof(options));
        _worker = StartWorker(out var reply);
        DriverName = reply.DriverName;
        HasNetDmaDriver = reply.HasNetDmaDriver;
    }

    /// <inheritdoc/>
    public string DriverName { get; }

    /// <inheritdoc/>
    public bool HasNetDmaDriver { get; }

    /// <summary>Worker processes started so far (1 + one per crash or hang).</summary>
    public int WorkersStarted => _processIds.Count;

    /// <summary>The process IDs of the workers started so far, oldest first (for tests that check a killed worker is gone).</summary>
    internal IReadOnlyList<int> WorkerProcessIds => _processIds;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The script has no <see cref="Script.Source"/> text to send.</exception>
    /// <exception cref="WorkerStartException">A new worker could not be started, or the worker failed (a kit fault).</exception>
    public ScriptResult Run(Script script)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (script.Source.Length == 0)
        {
            throw new ArgumentException($"{script.File} has no source text; a worker runs scripts parsed from text", nameof(script));
        }

        var worker = _worker ??= StartWorker(out _);
        var recorder = new ScriptRecorder(script);
        var clock = Stopwatch.StartNew();
        var reply = worker.Run(script, _options.Faults, recorder, _options.Watchdog, out var death);
        if (reply is not null)
        {
            return recorder.Complete(reply.SkipReason, clock.Elapsed, reply.Evaluations);
        }

        // The worker is gone: the next script gets a new one.
        worker.Dispose();
        _worker = null;
        return death!.Hung ? recorder.Hung(_options.Watchdog, death.Description, clock.Elapsed) : recorder.Crashed(death.Description, clock.Elapsed);
    }

    /// <summary>Ends the worker.</summary>
    public void Dispose()
    {
        _worker?.Dispose();
        _worker = null;
    }

    private WorkerProcess StartWorker(out LoadReply reply)
    {
        var worker = WorkerProcess.Start(_options);
        _processIds.Add(worker.ProcessId);
        try
        {
            reply = worker.Load(_source, _options.StartupTimeout);
        }
        catch
        {
            worker.Dispose();
            throw;
        }

        if (reply.Error is { } error)
        {
            worker.Dispose();
            throw new DriverLoadException(error);
        }

        return worker;
    }
}
