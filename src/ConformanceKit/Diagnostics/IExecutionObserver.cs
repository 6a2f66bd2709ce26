using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Diagnostics;

/// <summary>
/// Receives what a script execution observes, as it happens: the command being run, every call-trace entry, the driver
/// routines entered and left, every violation and every check. The in-process runner hands these straight to a
/// <see cref="Running.ScriptRecorder"/>; a worker process streams them to the kit process, whose recorder therefore holds
/// everything observed up to the instant the worker died or was killed.
/// </summary>
/// <remarks>Called on the script's thread, synchronously: when a call returns, the observation is durable.</remarks>
public interface IExecutionObserver
{
    /// <summary>The script command at <paramref name="location"/> starts; what follows is attributed to it.</summary>
    void CommandStarted(SourceLocation location);

    /// <summary>
    /// One call-trace entry (<c>cpu0 DISPATCH_LEVEL NetDMA -&gt; ProviderAllocateDmaChannel(...)</c>), as values: an
    /// observer that needs the text (a worker's event stream) formats it with <see cref="TraceEntry.ToString"/>; one
    /// that keeps it (the recorder) keeps the values.
    /// </summary>
    void Traced(in TraceEntry entry);

    /// <summary>The system entered a driver routine; <paramref name="entry"/> is its trace entry.</summary>
    /// <param name="entry">The routine's trace entry (<c>cpu0 PASSIVE_LEVEL system -&gt; AddDevice</c>).</param>
    /// <param name="traced">False when the entry is not part of the call trace (hardware engine steps).</param>
    /// <param name="thread">
    /// The managed thread ID of the simulated processor (or hardware lane) running it: under schedule exploration
    /// processors interleave, and only the routines of one thread nest.
    /// </param>
    void RoutineEntered(in TraceEntry entry, bool traced, int thread);

    /// <summary>
    /// The innermost driver routine running on <paramref name="thread"/> returned, or (<paramref name="returned"/>
    /// false) an exception left it.
    /// </summary>
    void RoutineLeft(bool returned, int thread);

    /// <summary>
    /// <paramref name="thread"/> starts the lane at <paramref name="location"/> of a <c>concurrently</c> block: what it
    /// runs until <see cref="LaneEnded"/> happens during that line, not the block's.
    /// </summary>
    void LaneStarted(SourceLocation location, int thread);

    /// <summary><paramref name="thread"/> finished its lane of a <c>concurrently</c> block.</summary>
    void LaneEnded(int thread);

    /// <summary>A rule was broken.</summary>
    void ViolationReported(Violation violation);

    /// <summary>A check (assertion, failure or end-of-script verdict on a violation) was recorded.</summary>
    void CheckRecorded(Running.CheckResult check);

    /// <summary>The kit injected a fault (<c>--faults</c> or a script's <c>fault</c> command; docs/faults.md).</summary>
    void FaultInjected(Faults.InjectedFault fault);
}
