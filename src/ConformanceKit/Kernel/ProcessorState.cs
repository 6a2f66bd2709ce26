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

    private readonly List<SpinLockHold> _heldLocks = [];

    // The names of the held locks as the trace's timeline shows them, made once per change of the held set.
    private string[]? _heldNames;

    /// <summary>Spin locks held, oldest first.</summary>
    public IReadOnlyList<SpinLockHold> HeldLocks => _heldLocks;

    /// <summary>Records an acquisition.</summary>
    public void Hold(SpinLockHold hold)
    {
        _heldLocks.Add(hold);
        _heldNames = null;
    }

    /// <summary>Records a release.</summary>
    public void Release(SpinLockHold hold)
    {
        _heldLocks.Remove(hold);
        _heldNames = null;
    }

    /// <summary>
    /// The held spin locks' names, oldest first (<c>spin lock #2</c>), or null when none is held: what the per-CPU
    /// timeline shows at each of this processor's rows. Built only when the held set changed, so tracing a call
    /// allocates nothing for it.
    /// </summary>
    public IReadOnlyList<string>? HeldLockNames()
    {
        if (_heldLocks.Count == 0)
        {
            return null;
        }

        if (_heldNames is null)
        {
            var names = new string[_heldLocks.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = $"spin lock #{_heldLocks[i].Number}";
            }

            _heldNames = names;
        }

        return _heldNames;
    }

    /// <summary>The spin lock this processor waits for under schedule exploration (and its number), or null.</summary>
    public (KSpinLock Lock, int Number)? WantedLock { get; set; }

    /// <summary>What the kit parked this processor for under schedule exploration (idle, the hardware), or null.</summary>
    public string? ParkedFor { get; set; }

    /// <summary>True while the processor's controlled operation of a concurrent block runs (schedule exploration).</summary>
    public bool OperationRunning { get; set; }

    /// <summary>The processor's DPC queue, run in FIFO order.</summary>
    public Queue<KDpc> DpcQueue { get; } = new();
}
