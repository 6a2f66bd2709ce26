using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using StreamJsonRpc;

namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// The worker's side of the observation stream: every observation of the running script becomes a JSON-RPC
/// notification to the kit process, written and flushed before the call returns, so a worker that dies the next
/// instant has lost nothing it observed.
/// </summary>
/// <param name="rpc">The connection to the kit process.</param>
/// <param name="local">
/// An observer in the worker that sees every observation too, after it was sent, or null: under schedules, the
/// schedule's own recorder, whose verdict tells Coyote whether the schedule failed.
/// </param>
internal sealed class WorkerEventStream(JsonRpc rpc, IExecutionObserver? local = null) : IExecutionObserver
{
    public void CommandStarted(SourceLocation location)
    {
        Send(WorkerProtocol.CommandStarted, location);
        local?.CommandStarted(location);
    }

    // The wire carries text: a worker formats every entry it streams (the in-process recorder keeps the values).
    public void Traced(in TraceEntry entry)
    {
        Send(WorkerProtocol.Traced, entry.ToString());
        local?.Traced(entry);
    }

    public void RoutineEntered(in TraceEntry entry, bool traced)
    {
        Send(WorkerProtocol.RoutineEntered, entry.ToString(), traced);
        local?.RoutineEntered(entry, traced);
    }

    public void RoutineLeft(bool returned)
    {
        Send(WorkerProtocol.RoutineLeft, returned);
        local?.RoutineLeft(returned);
    }

    public void ViolationReported(Violation violation)
    {
        Send(WorkerProtocol.ViolationReported, WireViolation.From(violation));
        local?.ViolationReported(violation);
    }

    public void CheckRecorded(CheckResult check)
    {
        Send(WorkerProtocol.CheckRecorded, check);
        local?.CheckRecorded(check);
    }

    public void FaultInjected(Faults.InjectedFault fault)
    {
        Send(WorkerProtocol.FaultInjected, fault);
        local?.FaultInjected(fault);
    }

    /// <summary>Tells the kit that the next schedule starts (<see cref="WorkerProtocol.ScheduleStarted"/>).</summary>
    public void ScheduleStarted() => Send(WorkerProtocol.ScheduleStarted);

    // NotifyAsync completes once the message is written and flushed to the pipe; waiting for it is what makes the
    // observation durable. Under schedules the caller is a Coyote controlled operation, whose thread has Coyote's
    // synchronization context: the connection's continuations are kept off it (on the thread pool), so the kit's I/O
    // is never work Coyote's scheduler is handed, and the wait cannot deadlock on the operation that waits.
    private void Send(string method, params object?[] arguments)
    {
        var context = SynchronizationContext.Current;
        if (context is null)
        {
            rpc.NotifyAsync(method, arguments).GetAwaiter().GetResult();
            return;
        }

        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            rpc.NotifyAsync(method, arguments).GetAwaiter().GetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }
}
