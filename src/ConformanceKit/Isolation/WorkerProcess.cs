using System.Diagnostics;
using System.IO.Pipes;
using Microsoft.VisualStudio.Threading;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using StreamJsonRpc;

namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// One live worker process: the child process, the named pipe it connected to, the JSON-RPC connection over it, the
/// observation journal it records into and the capture of its console output. It runs one request of scripts at a
/// time, one script after another, and each script ends in one of three ways: it completes, the worker dies, or the
/// watchdog kills it. A worker that died or was killed is finished; the runner starts another.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    /// <summary>How long to wait for a dying worker's last messages and exit status.</summary>
    private static readonly TimeSpan DeathGrace = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly NamedPipeServerStream _pipe;
    private readonly JsonRpc _rpc;
    private readonly NonConcurrentSynchronizationContext _dispatch = new(sticky: false);
    private readonly ObservationJournal _journal;
    private readonly WorkerEvents _events;
    private readonly OutputCapture _stderr;
    private readonly OutputCapture _stdout;

    private WorkerProcess(Process process, NamedPipeServerStream pipe, ObservationJournal journal, OutputCapture stderr, OutputCapture stdout)
    {
        _process = process;
        _pipe = pipe;
        _journal = journal;
        _events = new WorkerEvents(journal);
        _stderr = stderr;
        _stdout = stdout;
        _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(pipe, pipe, new SystemTextJsonFormatter()))
        {
            // Journal drains, the worker's and the kit's own, run one at a time (WorkerEvents is not thread-safe).
            SynchronizationContext = _dispatch,
        };
        _rpc.AddLocalRpcTarget(_events);
        _rpc.StartListening();
    }

    /// <summary>Starts a worker and waits until it has connected (at most <see cref="WorkerOptions.StartupTimeout"/>).</summary>
    /// <exception cref="WorkerStartException">The worker assembly is missing, or the worker exited or did not connect in time.</exception>
    public static WorkerProcess Start(WorkerOptions options)
    {
        var workerPath = options.ResolvedWorkerPath;
        if (!File.Exists(workerPath))
        {
            throw new WorkerStartException($"the worker assembly '{workerPath}' does not exist (it is built beside netdma-kit; run with --in-process to do without it)");
        }

        var pipeName = "netdma-" + Guid.NewGuid().ToString("N")[..16];
        var journal = ObservationJournal.Create(options.JournalCapacity);
        var pipe = new NamedPipeServerStream(pipeName, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        var start = new ProcessStartInfo(DotNetHost.Path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(workerPath);
        start.ArgumentList.Add(WorkerHost.PipeOption);
        start.ArgumentList.Add(pipeName);
        start.ArgumentList.Add(WorkerHost.JournalOption);
        start.ArgumentList.Add(journal.Path);
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + Math.Max(options.HeapLimitBytes, 64L << 20).ToString("X");
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var stderr = new OutputCapture();
        var stdout = new OutputCapture();
        stderr.Attach(process, standardError: true);
        stdout.Attach(process, standardError: false);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            pipe.Dispose();
            journal.Dispose();
            throw new WorkerStartException($"could not start the worker with '{DotNetHost.Path}': {e.Message}");
        }

        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var connected = pipe.WaitForConnectionAsync();
        var exited = process.WaitForExitAsync();
        var first = Task.WaitAny([connected, exited], options.StartupTimeout);
        if (first != 0 || !connected.IsCompletedSuccessfully)
        {
            var how = first == 1 ? $"it exited before connecting ({ProcessExit.Describe(process.ExitCode)})" : $"it did not connect within {options.StartupTimeout.TotalSeconds:0} s";
            KillQuietly(process);
            stderr.WaitForEnd(TimeSpan.FromSeconds(2));
            pipe.Dispose();
            process.Dispose();
            journal.Dispose();
            throw new WorkerStartException($"the worker '{workerPath}' did not start: {how}" + (stderr.Summary() is { } words ? $"; it wrote: {words}" : ""));
        }

        return new WorkerProcess(process, pipe, journal, stderr, stdout);
    }

    /// <summary>The worker's operating-system process ID.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Asks the worker to load the driver classes of <paramref name="source"/>.</summary>
    /// <exception cref="WorkerStartException">The worker died or did not answer within <paramref name="timeout"/>.</exception>
    /// <param name="source">The provider assembly and driver class.</param>
    /// <param name="rewriter">Rewrites a copy of the provider for schedule exploration (the worker runs it), or null to load it as built.</param>
    /// <param name="timeout">How long loading (and rewriting) may take.</param>
    public LoadReply Load(DriverSource source, Concurrency.Rewriting.ProviderRewriter? rewriter, TimeSpan timeout)
    {
        var call = _rpc.InvokeWithCancellationAsync<LoadReply>(WorkerProtocol.Load, [source, rewriter?.RewriterPath, rewriter?.CacheRoot,
            rewriter is null ? null : (rewriter.CarriedAssemblies ?? Concurrency.Rewriting.ProviderRewriter.KitAssemblies()).Order(StringComparer.OrdinalIgnoreCase).ToList()], CancellationToken.None);
        if (!Wait(call, timeout) || !call.IsCompletedSuccessfully)
        {
            var how = call.IsCompleted ? Death() : $"no answer within {timeout.TotalSeconds:0} s";
            Kill();
            throw new WorkerStartException($"the worker could not load '{source.AssemblyPath}': {how}");
        }

        return call.Result;
    }

    /// <summary>
    /// Runs <paramref name="scripts"/> in the worker, one after another: each script's observations go to the recorder
    /// <paramref name="nextScript"/> makes as it starts (under <paramref name="schedules"/>, to the recorder
    /// <paramref name="nextSchedule"/> makes as each schedule starts), and <paramref name="scriptEnded"/> takes how it
    /// ended. Returns the worker's reply, or null when the worker died or was killed (<paramref name="death"/> says how);
    /// then the scripts that ended were reported, the recorder of the one that was running holds what it observed, and
    /// the rest did not run. The <paramref name="watchdog"/> gives each script and schedule its own period.
    /// </summary>
    /// <exception cref="WorkerStartException">The worker answered with an error: a fault of the kit, not of the driver.</exception>
    public RunReply? Run(IReadOnlyList<Script> scripts, Faults.FaultSpec? faults, Concurrency.ScheduleOptions? schedules, Func<ScriptRecorder> nextScript,
        Action<string?, IReadOnlyDictionary<string, int>, TimeSpan> scriptEnded, Func<ScriptRecorder>? nextSchedule, Running.ScheduleWatchdog watchdog, out WorkerDeath? death)
    {
        _events.NextScript = nextScript;
        _events.ScriptEnded = scriptEnded;
        _events.NextSchedule = nextSchedule;
        _stderr.Reset();
        _stdout.Reset();
        try
        {
            var wire = scripts.Select(s => new WireScript(s.Source, s.File)).ToList();
            var call = _rpc.InvokeWithCancellationAsync<RunReply>(WorkerProtocol.Run, [wire, faults?.ToString(), schedules], CancellationToken.None);
            // The watchdog learns that a script or schedule started from the journal's header, read at each poll (at
            // most 100 ms late, which only lengthens its allowance by that much), not from a message per start: the
            // records are read only when the journal is drained, which may be many scripts or schedules later.
            var startsSeen = _journal.Starts;
            if (!watchdog.Wait(poll =>
            {
                var ended = Wait(call, poll);
                var starts = _journal.Starts;
                if (starts != startsSeen)
                {
                    startsSeen = starts;
                    watchdog.ScheduleStarted();
                }

                return ended;
            }))
            {
                Kill();
                Wait(call, DeathGrace);
                Drain();
                death = new WorkerDeath(Hung: true, schedules is null
                    ? $"the worker process was killed after {watchdog.Period.TotalSeconds:0.###} s"
                    : $"the worker process was killed after a schedule ran {watchdog.Period.TotalSeconds:0.###} s");
                return null;
            }

            if (call.IsCompletedSuccessfully)
            {
                Drain();
                death = null;
                return call.Result;
            }

            // An error reply from a worker that then exits is its dying words (Environment.Exit lets its threads
            // answer while the process shuts down): a death like any other. From a live worker it is a kit fault.
            if (call.Exception?.InnerException is RemoteInvocationException error && !_process.WaitForExit(TimeSpan.FromSeconds(2)))
            {
                Kill();
                throw new WorkerStartException($"the worker failed to run {(scripts.Count == 1 ? scripts[0].File : $"{scripts.Count} scripts from {scripts[0].File}")}: {error.Message}");
            }

            Drain();
            death = new WorkerDeath(Hung: false, Death());
            return null;
        }
        finally
        {
            _events.Recorder = null;
            _events.NextScript = null;
            _events.ScriptEnded = null;
            _events.NextSchedule = null;
        }
    }

    /// <summary>Kills the worker (and anything it started) and waits for it to be gone.</summary>
    public void Kill()
    {
        KillQuietly(_process);
        _process.WaitForExit(DeathGrace);
    }

    public void Dispose()
    {
        _rpc.Dispose();
        _pipe.Dispose();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            KillQuietly(_process);
            _process.WaitForExit(DeathGrace);
        }

        _process.Dispose();
        _journal.Dispose();
    }

    /// <summary>How the worker ended: its exit code (and signal) and, quoted (they end in their own punctuation), its first words on stderr since the script started.</summary>
    private string Death()
    {
        if (!_process.WaitForExit(DeathGrace))
        {
            KillQuietly(_process);
            _process.WaitForExit(DeathGrace);
            return "the worker closed its connection and did not exit; it was killed";
        }

        _stderr.WaitForEnd(TimeSpan.FromSeconds(2));
        var words = _stderr.Summary() ?? _stdout.Summary();
        return ProcessExit.Describe(_process.ExitCode) + (words is null ? "" : $"; the worker's last output: \"{words}\"");
    }

    /// <summary>
    /// Applies what the journal holds to the script's recorder, on <see cref="_dispatch"/> after any drain the worker
    /// asked for (so the order of the records is kept even when the worker died during its request).
    /// </summary>
    /// <exception cref="WorkerStartException">The journal does not decode: a kit fault.</exception>
    private void Drain()
    {
        using var done = new ManualResetEventSlim();
        InvalidDataException? corrupt = null;
        _dispatch.Post(_ =>
        {
            try
            {
                _events.Drain();
            }
            catch (InvalidDataException e)
            {
                corrupt = e;
            }
            finally
            {
                done.Set();
            }
        }, null);
        done.Wait(DeathGrace);
        if (corrupt is not null)
        {
            throw new WorkerStartException(corrupt.Message);
        }
    }

    private static bool Wait(Task task, TimeSpan timeout)
    {
        try
        {
            return task.Wait(timeout);
        }
        catch (AggregateException)
        {
            return true;
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}

/// <summary>How a worker stopped running a script: killed by the watchdog, or dead on its own.</summary>
/// <param name="Hung">True when the watchdog killed it.</param>
/// <param name="Description">What happened, for the report.</param>
internal sealed record WorkerDeath(bool Hung, string Description);
