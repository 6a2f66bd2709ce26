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
internal sealed class WorkerEventStream(JsonRpc rpc) : IExecutionObserver
{
    public void CommandStarted(SourceLocation location) => Send(WorkerProtocol.CommandStarted, location);

    // The wire carries text: a worker formats every entry it streams (the in-process recorder keeps the values).
    public void Traced(in TraceEntry entry) => Send(WorkerProtocol.Traced, entry.ToString());

    public void RoutineEntered(in TraceEntry entry, bool traced) => Send(WorkerProtocol.RoutineEntered, entry.ToString(), traced);

    public void RoutineLeft(bool returned) => Send(WorkerProtocol.RoutineLeft, returned);

    public void ViolationReported(Violation violation) => Send(WorkerProtocol.ViolationReported, WireViolation.From(violation));

    public void CheckRecorded(CheckResult check) => Send(WorkerProtocol.CheckRecorded, check);

    public void FaultInjected(Faults.InjectedFault fault) => Send(WorkerProtocol.FaultInjected, fault);

    // NotifyAsync completes once the message is written and flushed to the pipe; waiting for it is what makes the
    // observation durable. The script thread has no synchronization context, so the wait cannot deadlock.
    private void Send(string method, params object?[] arguments) =>
        rpc.NotifyAsync(method, arguments).GetAwaiter().GetResult();
}
