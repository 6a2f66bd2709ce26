using System.Runtime.ExceptionServices;
using Microsoft.Coyote.Runtime;
using NetDma.ConformanceKit.Kernel;

namespace NetDma.ConformanceKit.Concurrency;

/// <summary>
/// The <see cref="IProcessorScheduler"/> of schedule exploration: each concurrent operation runs as a Microsoft Coyote
/// controlled operation on one of the schedule's own threads (<see cref="OperationThread"/>), so Coyote's scheduler
/// decides, at every scheduling point the kit's services declare, which processor (or the hardware) runs next. Only one
/// controlled operation runs at any moment, so the kit's own state needs no locking; what differs from one schedule to
/// the next is the order.
/// </summary>
/// <remarks>
/// Used only inside a Coyote <c>TestingEngine</c> iteration (<see cref="ScheduleExplorer"/>); outside one, Coyote's
/// calls are no-ops and the operations would really run in parallel, so the explorer is the only place that installs it.
/// </remarks>
internal sealed class ControlledScheduler : IProcessorScheduler, IDisposable
{
    // One thread per operation slot, started on first use and reused by every later block of the schedule, and by the
    // later schedules of the exploration when the explorer hands the same list to each schedule's scheduler.
    private readonly List<OperationThread> _threads;
    private readonly bool _ownsThreads;
    private readonly ICoyoteRuntime _runtime;
    private bool _disposed;

    /// <summary>Created at the start of a schedule, inside its Coyote iteration: it watches that iteration's failures.</summary>
    /// <param name="threads">
    /// The operation threads to run on (started here on first use and kept in the list), owned by the caller, who ends
    /// them; null for threads of this schedule only, ended by <see cref="Dispose"/>.
    /// </param>
    public ControlledScheduler(List<OperationThread>? threads = null)
    {
        _ownsThreads = threads is null;
        _threads = threads ?? [];
        _runtime = RuntimeProvider.Current;
        _runtime.OnFailure += OnCoyoteFailure;
    }

    // The controlled operation this thread runs, set for the length of each operation this scheduler starts.
    [ThreadStatic]
    private static ulong? t_operation;

    /// <summary>The Coyote id of the operation the calling thread runs, or null outside the operations this scheduler started.</summary>
    public static ulong? CurrentOperationId => t_operation;

    /// <summary>
    /// Called when Coyote ends the schedule early, a deadlock (no operation can run) or the step bound, on the thread of
    /// the operation that reached that point while every other operation is still paused, before Coyote interrupts
    /// them (<see cref="CoyoteScheduleEnd"/>). The simulated kernel sets it to report NDMA2003 with what each processor
    /// holds and waits for.
    /// </summary>
    public Action<CoyoteScheduleEnd>? ScheduleEnding { get; set; }

    private void OnCoyoteFailure(Exception failure)
    {
        if (CoyoteScheduleEnd.From(failure.Message) is { } end)
        {
            ScheduleEnding?.Invoke(end);
        }
    }

    /// <inheritdoc/>
    public bool Interleaves => true;

    /// <inheritdoc/>
    public void Interleave() => SchedulingPoint.Interleave();

    /// <inheritdoc/>
    public void Read(string state) => SchedulingPoint.Read(state);

    /// <inheritdoc/>
    public void Write(string state) => SchedulingPoint.Write(state);

    // True while this thread waits in the kit's own code (a parked spin-lock acquire, an idle processor, the end of a
    // block): Coyote's pause there is the kit's, not a wait of provider code.
    [ThreadStatic]
    private static bool t_inKitWait;

    /// <summary>
    /// Called on the blocking thread when rewritten provider code reaches a Coyote-controlled blocking point (a
    /// <c>lock</c> acquire, a wait for a held lock or a task, a sleep; <see cref="ControlledBlockingMonitor"/>), with the
    /// point's kind. The simulated kernel sets it to check the processor's IRQL (NDMA1002).
    /// </summary>
    public Action<string>? BlockingObserved { get; set; }

    /// <summary>Passes a blocking point of Coyote's to <see cref="BlockingObserved"/> unless the kit itself is waiting.</summary>
    internal void OnCoyoteBlocking(string kind)
    {
        if (!t_inKitWait)
        {
            BlockingObserved?.Invoke(kind);
        }
    }

    /// <inheritdoc/>
    public void WaitUntil(Func<bool> condition)
    {
        if (!condition())
        {
            KitWait(() => Operation.PauseUntil(condition));
        }
    }

    private static void KitWait(Action wait)
    {
        var outer = t_inKitWait;
        t_inKitWait = true;
        try
        {
            wait();
        }
        finally
        {
            t_inKitWait = outer;
        }
    }

    /// <inheritdoc/>
    public void RunConcurrently(IReadOnlyList<Action> operations)
    {
        var ids = new ulong[operations.Count];
        var failures = new ExceptionDispatchInfo?[operations.Count];
        for (var i = 0; i < operations.Count; i++)
        {
            var id = Operation.CreateNext() ?? throw new InvalidOperationException("Schedule exploration runs only inside a Coyote test iteration.");
            var index = i;
            ids[i] = id;
            Operation.Start(id);
            ThreadFor(i).Post(() =>
            {
                Operation.OnStarted(id);
                t_operation = id;
                try
                {
                    operations[index]();
                }
                catch (Exception exception)
                {
                    failures[index] = ExceptionDispatchInfo.Capture(exception);
                }
                finally
                {
                    t_operation = null;
                    Operation.OnCompleted();
                    Operation.ScheduleNext();
                }
            });
        }

        // Let the scheduler pick among the new operations and this one; then wait for each without a busy loop.
        KitWait(() =>
        {
            Operation.ScheduleNext();
            foreach (var id in ids)
            {
                Operation.PauseUntilCompleted(id);
            }
        });

        failures.FirstOrDefault(f => f is not null)?.Throw();
    }

    // The i-th operation of every block runs on the i-th thread: the kernel lists processors in order and the hardware
    // last, so a thread keeps one role, and its thread-local state (the home processor) is what a new thread's was.
    private OperationThread ThreadFor(int index)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_threads.Count <= index)
        {
            _threads.Add(new OperationThread($"netdma-kit operation {_threads.Count}"));
        }

        return _threads[index];
    }

    /// <summary>Ends this schedule's operation threads (each once its current operation has returned).</summary>
    public void Dispose()
    {
        _runtime.OnFailure -= OnCoyoteFailure;
        _disposed = true;
        if (_ownsThreads)
        {
            OperationThread.EndAll(_threads);
        }
    }
}
