using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>One simulated processor: its IRQL, the spin locks it holds, its DPC queue.</summary>
/// <param name="number">The CPU number.</param>
internal sealed class ProcessorState(uint number)
{
    /// <summary>The CPU number (0-based).</summary>
    public uint Number { get; } = number;

    /// <summary>The processor's current IRQL; PASSIVE_LEVEL when idle.</summary>
    public Irql Irql { get; set; } = Irql.PASSIVE_LEVEL;

    /// <summary>Spin locks held, oldest first.</summary>
    public List<SpinLockHold> HeldLocks { get; } = [];

    /// <summary>The spin lock this processor waits for under schedule exploration (and its number), or null.</summary>
    public (KSpinLock Lock, int Number)? WantedLock { get; set; }

    /// <summary>What the kit parked this processor for under schedule exploration (idle, the hardware), or null.</summary>
    public string? ParkedFor { get; set; }

    /// <summary>True while the processor's controlled operation of a concurrent block runs (schedule exploration).</summary>
    public bool OperationRunning { get; set; }

    /// <summary>The processor's DPC queue, run in FIFO order.</summary>
    public Queue<KDpc> DpcQueue { get; } = new();
}
