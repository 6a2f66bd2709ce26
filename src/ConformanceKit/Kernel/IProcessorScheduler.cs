namespace NetDma.ConformanceKit.Kernel;

/// <summary>
/// Decides how the simulated processors share the machine. In sequential mode (<see cref="SequentialScheduler"/>, the
/// default) code runs one call at a time and every member is free. Under schedule exploration
/// (<c>Concurrency/ControlledScheduler</c>) each processor and the hardware run as Microsoft Coyote controlled
/// operations, and the kit's own services call these members at the points where another processor may run in between:
/// spin-lock acquire and release, IRQL changes, DPC queueing, accesses of simulated physical memory, NetDMA calls.
/// </summary>
internal interface IProcessorScheduler
{
    /// <summary>True when processors interleave (schedule exploration); false in sequential mode.</summary>
    bool Interleaves { get; }

    /// <summary>A point where the scheduler may switch to another processor or the hardware.</summary>
    void Interleave();

    /// <summary>A read of shared state named <paramref name="state"/> (a physical page, a channel): a scheduling point.</summary>
    void Read(string state);

    /// <summary>A write of shared state named <paramref name="state"/>: a scheduling point.</summary>
    void Write(string state);

    /// <summary>
    /// Parks the calling processor until <paramref name="condition"/> holds, without a busy loop (the way a spin lock
    /// acquire waits for its holder). Only called when <see cref="Interleaves"/>.
    /// </summary>
    void WaitUntil(Func<bool> condition);

    /// <summary>
    /// Runs <paramref name="operations"/> at the same time (one controlled operation each) and returns when all have
    /// completed; sequentially, in order, when processors do not interleave. The first exception an operation threw is
    /// rethrown once all have completed.
    /// </summary>
    void RunConcurrently(IReadOnlyList<Action> operations);
}
