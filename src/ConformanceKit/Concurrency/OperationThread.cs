namespace NetDma.ConformanceKit.Concurrency;

/// <summary>
/// A thread that hosts one Coyote controlled operation after another for the length of one schedule: the operation of
/// a processor (or of the hardware) in each <c>concurrently</c> block and hardware run. Starting a thread costs more
/// than the whole of a short block's work (about 0.3 ms on the 2-core VMs against 10 µs per scheduling step,
/// docs/performance.md "schedule exploration"), and a schedule of the 50-call benchmark case started 30; a schedule now
/// starts one per processor and one for the hardware, then reuses them.
/// </summary>
/// <remarks>
/// Between operations the thread waits on a plain semaphore, outside any controlled operation: Coyote neither sees nor
/// schedules it then, exactly as it did not see the end of a thread that exited. A thread is never carried into the
/// next schedule, because Coyote binds a thread to the runtime of the iteration in which an operation last started on it.
/// </remarks>
internal sealed class OperationThread : IDisposable
{
    private readonly SemaphoreSlim _posted = new(0);
    private Action? _work;
    private bool _stopped;

    /// <summary>Starts the thread, named <paramref name="name"/>; it waits for <see cref="Post"/>.</summary>
    public OperationThread(string name)
    {
        new Thread(Loop) { IsBackground = true, Name = name }.Start();
    }

    /// <summary>
    /// Hands <paramref name="work"/> (one controlled operation from <c>Operation.OnStarted</c> to
    /// <c>Operation.OnCompleted</c>) to the thread. The caller posts again only after that operation completed.
    /// </summary>
    public void Post(Action work)
    {
        ObjectDisposedException.ThrowIf(_stopped, this);
        _work = work;
        _posted.Release();
    }

    /// <summary>Lets the thread end once its current operation (if any) has returned; does not wait for it.</summary>
    public void Dispose()
    {
        if (!_stopped)
        {
            _stopped = true;
            _posted.Release();
        }
    }

    private void Loop()
    {
        while (true)
        {
            _posted.Wait();
            var work = Interlocked.Exchange(ref _work, null);
            if (work is null)
            {
                _posted.Dispose();
                return;
            }

            try
            {
                work();
            }
            catch (ThreadInterruptedException)
            {
                // Coyote ends a schedule (a bug found, the step bound reached) by interrupting the operation that runs;
                // the schedule is over, and this thread only waits for the next operation or its end.
            }
        }
    }
}
