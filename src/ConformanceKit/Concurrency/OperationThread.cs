using System.Reflection;

namespace NetDma.ConformanceKit.Concurrency;

/// <summary>
/// A thread that hosts one Coyote controlled operation after another: the operation of a processor (or of the
/// hardware) in each <c>concurrently</c> block and hardware run of a schedule, and, when <see cref="CanOutliveSchedule"/>,
/// of every later schedule of the same exploration. Starting a thread costs more than the whole of a short block's work
/// (about 0.3 ms on the 2-core VMs against 10 µs per scheduling step, docs/performance.md "Schedule exploration"): a
/// schedule of the 50-call benchmark case started 30 before threads were reused within a schedule, and starting and
/// ending its five threads still cost about 0.4 ms of CPU on one core, some 7% of the schedule, before they were
/// reused across schedules.
/// </summary>
/// <remarks>
/// <para>
/// Between operations the thread waits on a plain semaphore, outside any controlled operation: Coyote neither sees nor
/// schedules it then, exactly as it did not see the end of a thread that exited.
/// </para>
/// <para>
/// Coyote 1.7.11 finds the runtime of the running iteration from a thread in two places: a thread-static field set when
/// an operation starts on the thread and never cleared when it completes, and an async-local value that flows with the
/// execution context (captured when a thread starts). A thread that ran an operation of one iteration would so call the
/// next iteration's operations into the old runtime ("Operation with id '2' does not exist"). Before each operation the
/// thread therefore clears both with Coyote's own <c>CoyoteRuntime.CleanCurrentExecutionContext</c> (internal, reached
/// by reflection: Coyote has no public way to do it) and runs the operation in the execution context of the code that
/// posted it, which is inside the current iteration. Should a Coyote version lack that method, threads stay per
/// schedule (<see cref="CanOutliveSchedule"/> is false). Which thread runs an operation never enters Coyote's decisions:
/// the schedules, their step counts and their traces are the same either way.
/// </para>
/// </remarks>
internal sealed class OperationThread : IDisposable
{
    // Coyote's reset of a thread's link to a runtime (ThreadLocalRuntime, ExecutingOperation, AsyncLocalRuntime).
    private static readonly Action? s_cleanCoyoteContext = typeof(Microsoft.Coyote.Runtime.Operation).Assembly
        .GetType("Microsoft.Coyote.Runtime.CoyoteRuntime")
        ?.GetMethod("CleanCurrentExecutionContext", BindingFlags.Static | BindingFlags.NonPublic, Type.EmptyTypes)
        ?.CreateDelegate<Action>();

    private readonly SemaphoreSlim _posted = new(0);
    private Action? _work;
    private ExecutionContext? _context;
    private bool _stopped;

    /// <summary>Starts the thread, named <paramref name="name"/>; it waits for <see cref="Post"/>.</summary>
    public OperationThread(string name)
    {
        new Thread(Loop) { IsBackground = true, Name = name }.Start();
    }

    /// <summary>
    /// True when a thread can run operations of a later schedule than the one it was started in (the Coyote in use has
    /// the reset this relies on); otherwise each schedule starts and ends its own threads.
    /// </summary>
    public static bool CanOutliveSchedule => s_cleanCoyoteContext is not null;

    /// <summary>
    /// Hands <paramref name="work"/> (one controlled operation from <c>Operation.OnStarted</c> to
    /// <c>Operation.OnCompleted</c>) to the thread, to run in the caller's execution context. The caller posts again
    /// only after that operation completed.
    /// </summary>
    public void Post(Action work)
    {
        ObjectDisposedException.ThrowIf(_stopped, this);
        _context = ExecutionContext.Capture();
        _work = work;
        _posted.Release();
    }

    /// <summary>Ends every thread of <paramref name="threads"/> (each as <see cref="Dispose"/> does) and empties the list.</summary>
    public static void EndAll(List<OperationThread> threads)
    {
        foreach (var thread in threads)
        {
            thread.Dispose();
        }

        threads.Clear();
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
            if (!WaitForPost())
            {
                continue;
            }

            var work = Interlocked.Exchange(ref _work, null);
            var context = Interlocked.Exchange(ref _context, null);
            if (work is null)
            {
                _posted.Dispose();
                return;
            }

            // Outside the posted context: the reset clears the async-local runtime too, which must then come from it.
            s_cleanCoyoteContext?.Invoke();
            try
            {
                if (context is null)
                {
                    work();
                }
                else
                {
                    ExecutionContext.Run(context, static state => ((Action)state!)(), work);
                }
            }
            catch (ThreadInterruptedException)
            {
                // Coyote ends a schedule (a bug found, the step bound reached) by interrupting the operation that runs;
                // the schedule is over, and this thread only waits for the next operation or its end.
            }
        }
    }

    /// <summary>Waits for a post; false when an interrupt meant for a schedule that is over came first.</summary>
    private bool WaitForPost()
    {
        try
        {
            _posted.Wait();
            return true;
        }
        catch (ThreadInterruptedException)
        {
            return false;
        }
    }
}
