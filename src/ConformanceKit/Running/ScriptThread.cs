namespace NetDma.ConformanceKit.Running;

/// <summary>
/// One long-lived background thread that runs scripts one after another for <see cref="InProcessScriptRunner"/>, so a
/// run of thousands of short scripts (exploration) does not start and tear down a thread per script. Measured with
/// dotnet-trace on <c>explore --in-process</c> before this existed: starting a thread per case and the runtime's
/// clean-up of the dead ones (done on the finalizer thread) took most of the process's CPU time (docs/performance.md).
/// A script that outlives its watchdog keeps the thread: it is abandoned (<see cref="Abandon"/>) and the runner starts
/// a new one for the next script, as it did with a thread per script.
/// </summary>
internal sealed class ScriptThread : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Thread _thread;
    private Action? _work;
    private bool _stopping;
    private readonly SemaphoreSlim _posted = new(0);
    private readonly ManualResetEventSlim _done = new(false);

    public ScriptThread()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "netdma-kit scripts" };
        _thread.Start();
    }

    /// <summary>
    /// Runs <paramref name="work"/> on this thread; true when it finished within <paramref name="watchdog"/>, false
    /// when it did not (then the thread is still running it and must be <see cref="Abandon"/>ed). One call at a time.
    /// </summary>
    public bool Run(Action work, TimeSpan watchdog)
    {
        lock (_gate)
        {
            _work = work;
        }

        _done.Reset();
        _posted.Release();
        return _done.Wait(watchdog);
    }

    /// <summary>Lets the thread end once its current script returns, if it ever does; it is not waited for.</summary>
    public void Abandon() => Stop();

    /// <summary>Ends the thread after its current script (there is none between calls of <see cref="Run"/>).</summary>
    public void Dispose() => Stop();

    private void Stop()
    {
        lock (_gate)
        {
            _stopping = true;
        }

        _posted.Release();
    }

    private void Loop()
    {
        while (true)
        {
            _posted.Wait();
            Action? work;
            lock (_gate)
            {
                if (_stopping)
                {
                    return;
                }

                work = _work;
                _work = null;
            }

            work?.Invoke();
            _done.Set();
        }
    }
}
