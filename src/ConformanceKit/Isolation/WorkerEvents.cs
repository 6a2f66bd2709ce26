using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;
using StreamJsonRpc;

namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// The kit's side of the observation stream: each notification from the worker goes to the recorder of the script
/// running now. Dispatched one at a time in arrival order (the connection's non-concurrent synchronization context).
/// </summary>
internal sealed class WorkerEvents
{
    /// <summary>The recorder of the script the worker is running, or null between scripts.</summary>
    public ScriptRecorder? Recorder { get; set; }

    /// <summary>Under schedules, makes the recorder of the schedule that starts (<see cref="WorkerProtocol.ScheduleStarted"/>); null otherwise.</summary>
    public Func<ScriptRecorder>? NextSchedule { get; set; }

    [JsonRpcMethod(WorkerProtocol.ScheduleStarted)]
    public void ScheduleStarted()
    {
        if (NextSchedule is { } next)
        {
            Recorder = next();
        }
    }

    [JsonRpcMethod(WorkerProtocol.CommandStarted)]
    public void CommandStarted(SourceLocation location) => Recorder?.CommandStarted(location);

    [JsonRpcMethod(WorkerProtocol.Traced)]
    public void Traced(string entry) => Recorder?.Traced(entry);

    [JsonRpcMethod(WorkerProtocol.RoutineEntered)]
    public void RoutineEntered(string entry, bool traced) => Recorder?.RoutineEntered(entry, traced);

    [JsonRpcMethod(WorkerProtocol.RoutineLeft)]
    public void RoutineLeft(bool returned) => Recorder?.RoutineLeft(returned);

    [JsonRpcMethod(WorkerProtocol.ViolationReported)]
    public void ViolationReported(WireViolation violation) => Recorder?.ViolationReported(violation.ToViolation());

    [JsonRpcMethod(WorkerProtocol.CheckRecorded)]
    public void CheckRecorded(CheckResult check) => Recorder?.CheckRecorded(check);

    [JsonRpcMethod(WorkerProtocol.FaultInjected)]
    public void FaultInjected(Faults.InjectedFault fault) => Recorder?.FaultInjected(fault);
}
