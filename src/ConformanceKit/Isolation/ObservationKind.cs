namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// The kind byte of an <see cref="ObservationJournal"/> record: one per <see cref="Diagnostics.IExecutionObserver"/>
/// method, plus the start of a schedule. The values are the journal's format, shared by the kit and its worker (the
/// same build), so they never need to be stable across versions.
/// </summary>
internal enum ObservationKind : byte
{
    /// <summary><see cref="Diagnostics.IExecutionObserver.CommandStarted"/>: the command's location.</summary>
    CommandStarted = 1,

    /// <summary><see cref="Diagnostics.IExecutionObserver.Traced"/>: the entry, formatted.</summary>
    Traced,

    /// <summary><see cref="Diagnostics.IExecutionObserver.RoutineEntered"/>: the entry, formatted, whether it is traced, and the thread.</summary>
    RoutineEntered,

    /// <summary><see cref="Diagnostics.IExecutionObserver.RoutineLeft"/>: whether the routine returned, and the thread.</summary>
    RoutineLeft,

    /// <summary><see cref="Diagnostics.IExecutionObserver.ViolationReported"/>: the violation as a <see cref="WireViolation"/>.</summary>
    ViolationReported,

    /// <summary><see cref="Diagnostics.IExecutionObserver.CheckRecorded"/>: the check.</summary>
    CheckRecorded,

    /// <summary><see cref="Diagnostics.IExecutionObserver.FaultInjected"/>: the fault.</summary>
    FaultInjected,

    /// <summary>
    /// The worker starts the next script of the <see cref="WorkerProtocol.Run"/> request; the records that follow, up to
    /// its <see cref="ScriptEnded"/>, are its own. No body.
    /// </summary>
    ScriptStarted,

    /// <summary>
    /// The script ended: why it was skipped (or null), how many times each rule's check was evaluated (a count, then
    /// rule ID and count pairs) and how long it ran in the worker (<see cref="TimeSpan"/> ticks).
    /// </summary>
    ScriptEnded,

    /// <summary>
    /// Under schedules, the next schedule of the script starts on a fresh machine; the records that follow are its own
    /// (the kit starts a new recorder, as the in-process exploration does per schedule). No body.
    /// </summary>
    ScheduleStarted,

    /// <summary><see cref="Diagnostics.IExecutionObserver.LaneStarted"/>: the lane's location and the thread.</summary>
    LaneStarted,

    /// <summary><see cref="Diagnostics.IExecutionObserver.LaneEnded"/>: the thread.</summary>
    LaneEnded,
}
