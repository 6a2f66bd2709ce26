using System.Diagnostics;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// Runs scripts against a driver loaded in a worker process, in the manner of a test host: the kit process keeps the
/// scripts, the timeouts, the verdicts and the reports; the worker runs the simulated machine with the provider and
/// records every observation as it happens in a journal the kit reads (<see cref="ObservationJournal"/>), which
/// survives the worker. A worker that dies (FailFast, stack overflow, Environment.Exit, an
/// unhandled exception on any thread, exhausted memory) fails the script with NDMA2002, naming the routine that was
/// running, the call sequence and the exit code or signal; one that exceeds the watchdog, blocking or spinning, is
/// killed (no CPU leaks) and the script fails with NDMA2003. Either way the next script gets a fresh worker. Under
/// schedule exploration (<see cref="WorkerOptions.Schedules"/>) the worker explores each script with the in-process
/// explorer and the same holds: a death on any schedule is the script's NDMA2002 or NDMA2003, with that schedule's calls.
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
        return RunUntilFailure([script])[0];
    }

    /// <inheritdoc/>
    /// <remarks>
    /// In sequential mode the scripts go to the worker in one request (under schedules, one request per script), so a
    /// batch of short scripts costs one round trip. A script that kills the worker or hangs is reported as
    /// <see cref="Run"/> reports it, and is the last result; the worker may have run the scripts after a failing one
    /// that did not end it, whose results are dropped.
    /// </remarks>
    /// <exception cref="ArgumentException">A script has no <see cref="Script.Source"/> text to send.</exception>
    /// <exception cref="WorkerStartException">A new worker could not be started, or the worker failed (a kit fault).</exception>
    public IReadOnlyList<ScriptResult> RunUntilFailure(IReadOnlyList<Script> scripts)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        foreach (var script in scripts)
        {
            ArgumentNullException.ThrowIfNull(script, nameof(scripts));
            if (script.Source.Length == 0)
            {
                throw new ArgumentException($"{script.File} has no source text; a worker runs scripts parsed from text", nameof(scripts));
            }
        }

        var results = new List<ScriptResult>(scripts.Count);
        while (results.Count < scripts.Count)
        {
            var from = results.Count;
            RunBatch(scripts.Skip(from).Take(_options.Schedules is null ? scripts.Count - from : 1).ToList(), results);
            var failed = results.FindIndex(from, r => r.Outcome == ScriptOutcome.Failed);
            if (failed >= 0)
            {
                results.RemoveRange(failed + 1, results.Count - failed - 1);
                break;
            }
        }

        return results;
    }

    /// <summary>Runs <paramref name="batch"/> in the worker, adding a result to <paramref name="results"/> for each script that ended and for the one the worker died in.</summary>
    private void RunBatch(IReadOnlyList<Script> batch, List<ScriptResult> results)
    {
        var worker = _worker ??= StartWorker(out _);
        var schedules = _options.Schedules;
        var first = results.Count;
        var running = -1;
        ScriptRecorder? recorder = null;
        var started = 0;
        // Each script's observations go to a recorder of its own, made as its start record is drained. Under schedules
        // each schedule's go to a recorder of their own, as in the in-process exploration: the result is the last
        // schedule's, and a death is reported with the calls of the schedule it happened in.
        // The watchdog applies to each script and schedule as the journal's header counts it started (WorkerProcess.Run).
        var watchdog = new ScheduleWatchdog(_options.Watchdog);
        var clock = Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
        var reply = worker.Run(batch, _options.Faults, schedules,
            nextScript: () =>
            {
                running++;
                started = 0;
                return recorder = new ScriptRecorder(batch[running]);
            },
            scriptEnded: (skipReason, evaluations, duration) =>
            {
                results.Add(recorder!.Complete(skipReason, duration, evaluations));
                reported += duration;
                recorder = null;
            },
            nextSchedule: schedules is null ? null : () =>
            {
                started++;
                return recorder = new ScriptRecorder(batch[running]);
            },
            watchdog, out var death);
        if (reply is not null)
        {
            if (results.Count - first != batch.Count)
            {
                worker.Kill();
                throw new WorkerStartException($"the worker answered for {batch.Count} scripts having reported {results.Count - first}");
            }

            if (reply.Schedules is { } report)
            {
                results[^1] = results[^1] with { Schedules = report };
            }

            return;
        }

        // The worker is gone: the next script gets a new one. A worker that died between two scripts' records is
        // charged to the next one, as a single script's death between its driver calls is.
        worker.Dispose();
        _worker = null;
        if (recorder is null && results.Count - first == batch.Count)
        {
            // Every script ended before the worker died: nothing was running to charge it to.
            return;
        }

        var dying = recorder ?? new ScriptRecorder(batch[results.Count - first]);
        var elapsed = clock.Elapsed - reported;
        var result = death!.Hung ? dying.Hung(_options.Watchdog, death.Description, elapsed) : dying.Crashed(death.Description, elapsed);
        // The schedule the worker died in is known by its number (the same seed explores the same schedules in the
        // same order, so a rerun reaches it again); a process that died mid-schedule leaves no Coyote trace.
        results.Add(schedules is null || started == 0 ? result : result with
        {
            Schedules = new Concurrency.ScheduleReport(started, schedules.Strategy, schedules.Seed, started, null),
        });
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
            reply = worker.Load(_source, _options.Rewriter, _options.StartupTimeout);
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
