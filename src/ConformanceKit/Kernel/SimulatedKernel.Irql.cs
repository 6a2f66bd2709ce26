using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>IRQL and spin locks: KeGetCurrentIrql, KeRaiseIrql, KeLowerIrql, KeAcquireSpinLock, KeReleaseSpinLock.</summary>
public sealed partial class SimulatedKernel
{
    private readonly Dictionary<KSpinLock, int> _lockNumbers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<KSpinLock, uint> _lockOwners = new(ReferenceEqualityComparer.Instance);
    private long _lockSequence;

    /// <inheritdoc/>
    /// <remarks>Any IRQL. In hardware context the call is reported and the answer is HIGH_LEVEL (no processor).</remarks>
    public Irql KeGetCurrentIrql() => Enter(nameof(KeGetCurrentIrql), string.Empty) ? CurrentIrql : Irql.HIGH_LEVEL;

    /// <inheritdoc/>
    /// <remarks>Any IRQL. In hardware context the call is reported and the answer is 0.</remarks>
    public uint KeGetCurrentProcessorNumber() => Enter(nameof(KeGetCurrentProcessorNumber), string.Empty) ? CurrentProcessor : 0;

    /// <inheritdoc/>
    public uint KeQueryActiveProcessorCount()
    {
        Enter(nameof(KeQueryActiveProcessorCount), string.Empty);
        return (uint)ProcessorCount;
    }

    /// <inheritdoc/>
    /// <remarks>A <paramref name="NewIrql"/> below the current IRQL is reported (NDMA1004) and the IRQL is left unchanged.</remarks>
    public void KeRaiseIrql(Irql NewIrql, out Irql OldIrql)
    {
        OldIrql = CurrentIrql;
        if (!Enter(nameof(KeRaiseIrql), $"NewIrql = {NewIrql.ToDdiName()}"))
        {
            return;
        }

        Log.Checked(IrqlRules.RaiseUpLowerDown);
        if (NewIrql < OldIrql)
        {
            Log.Report(IrqlRules.RaiseUpLowerDown, $"KeRaiseIrql with NewIrql >= the current IRQL {OldIrql.ToDdiName()}",
                $"KeRaiseIrql(NewIrql = {NewIrql.ToDdiName()}) at {OldIrql.ToDdiName()} ({DescribeContext()}); the IRQL was left unchanged",
                KernelRoutineContract.Of(nameof(KeRaiseIrql)).Page);
            return;
        }

        CurrentProcessorState.Irql = NewIrql;
    }

    /// <inheritdoc/>
    /// <remarks>A <paramref name="NewIrql"/> above the current IRQL is reported (NDMA1004) and the IRQL is left unchanged.</remarks>
    public void KeLowerIrql(Irql NewIrql)
    {
        if (!Enter(nameof(KeLowerIrql), $"NewIrql = {NewIrql.ToDdiName()}"))
        {
            return;
        }

        var current = CurrentIrql;
        Log.Checked(IrqlRules.RaiseUpLowerDown);
        if (NewIrql > current)
        {
            Log.Report(IrqlRules.RaiseUpLowerDown, $"KeLowerIrql with NewIrql <= the current IRQL {current.ToDdiName()}",
                $"KeLowerIrql(NewIrql = {NewIrql.ToDdiName()}) at {current.ToDdiName()} ({DescribeContext()}); the IRQL was left unchanged",
                KernelRoutineContract.Of(nameof(KeLowerIrql)).Page);
            return;
        }

        CurrentProcessorState.Irql = NewIrql;
        AfterIrqlLowered(CurrentProcessorState);
    }

    /// <inheritdoc/>
    public void KeInitializeSpinLock(KSpinLock SpinLock)
    {
        ArgumentNullException.ThrowIfNull(SpinLock);
        Enter(nameof(KeInitializeSpinLock), $"spin lock #{LockNumber(SpinLock)}");
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Acquiring a lock this processor already holds is reported (NDMA1006) instead of deadlocking, and counts as a
    /// second hold so the matching release is silent. In sequential mode a lock held by another processor could never
    /// be acquired here: that processor's code is suspended below this call, so the acquire is reported as a hang
    /// (NDMA2003) and then granted. Under schedule exploration the processor waits until the holder releases it, and a
    /// wait that closes a cycle is reported as a deadlock (NDMA2003) and halts the machine.
    /// </remarks>
    public void KeAcquireSpinLock(KSpinLock SpinLock, out Irql OldIrql)
    {
        ArgumentNullException.ThrowIfNull(SpinLock);
        OldIrql = CurrentIrql;
        var number = LockNumber(SpinLock);
        if (!Enter(nameof(KeAcquireSpinLock), new TraceArguments("spin lock #{0}", (uint)number)))
        {
            return;
        }

        var processor = CurrentProcessorState;
        var page = KernelRoutineContract.Of(nameof(KeAcquireSpinLock)).Page;
        var contended = false;
        Log.Checked(IrqlRules.SpinLockDiscipline);
        if (LastHoldOf(processor, SpinLock) is { } own)
        {
            Log.Report(IrqlRules.SpinLockDiscipline, $"KeAcquireSpinLock of a spin lock cpu{processor.Number} does not hold",
                $"spin lock #{number} acquired again on cpu{processor.Number} in {CurrentRoutine ?? "code outside any driver routine"}, which already holds it (acquired in {own.Routine}); on a real machine this deadlocks",
                page);
        }
        else if (Interleaves && _lockOwners.TryGetValue(SpinLock, out var holderCpu) && holderCpu != processor.Number)
        {
            // Another processor really runs meanwhile: spin (parked, not busy) until it releases the lock.
            WaitForSpinLock(processor, SpinLock, number, holderCpu);
            _lockOwners[SpinLock] = processor.Number;
        }
        else if (_lockOwners.TryGetValue(SpinLock, out var owner) && owner != processor.Number)
        {
            contended = true;
            var holder = LastHoldOf(_processors[owner], SpinLock)!.Value;
            Log.Report(StatusRules.CallbackTerminates, "KeAcquireSpinLock of a lock that its holder can release",
                $"spin lock #{number} acquired on cpu{processor.Number} while cpu{owner} holds it (acquired in {holder.Routine}), whose code cannot run until this call returns: KeAcquireSpinLock would spin forever",
                page);
        }
        else
        {
            _lockOwners[SpinLock] = processor.Number;
        }

        processor.Hold(new SpinLockHold(SpinLock, number, OldIrql, ++_lockSequence,
            CurrentRoutine ?? "code outside any driver routine", contended));
        if (processor.Irql < Irql.DISPATCH_LEVEL)
        {
            processor.Irql = Irql.DISPATCH_LEVEL;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Releasing a lock this processor does not hold is reported (NDMA1006); the IRQL is still restored to
    /// <paramref name="NewIrql"/>. A <paramref name="NewIrql"/> above the current IRQL is reported (NDMA1004) and ignored.
    /// </remarks>
    public void KeReleaseSpinLock(KSpinLock SpinLock, Irql NewIrql)
    {
        ArgumentNullException.ThrowIfNull(SpinLock);
        var number = LockNumber(SpinLock);
        if (!Enter(nameof(KeReleaseSpinLock), new TraceArguments("spin lock #{0}, NewIrql = {1}", (uint)number, NewIrql)))
        {
            return;
        }

        var processor = CurrentProcessorState;
        var page = KernelRoutineContract.Of(nameof(KeReleaseSpinLock)).Page;
        Log.Checked(IrqlRules.SpinLockDiscipline);
        if (LastHoldOf(processor, SpinLock) is { } hold)
        {
            ReleaseHold(processor, hold);
        }
        else
        {
            var holder = _lockOwners.TryGetValue(SpinLock, out var owner) ? $"it is held by cpu{owner}" : "it is not held";
            Log.Report(IrqlRules.SpinLockDiscipline, $"KeReleaseSpinLock of a spin lock held by cpu{processor.Number}",
                $"spin lock #{number} released on cpu{processor.Number} in {CurrentRoutine ?? "code outside any driver routine"}, but {holder}",
                page);
        }

        Log.Checked(IrqlRules.RaiseUpLowerDown);
        if (NewIrql > processor.Irql)
        {
            Log.Report(IrqlRules.RaiseUpLowerDown, $"KeReleaseSpinLock restoring an IRQL <= the current IRQL {processor.Irql.ToDdiName()}",
                $"KeReleaseSpinLock(NewIrql = {NewIrql.ToDdiName()}) at {processor.Irql.ToDdiName()} ({DescribeContext()}); the IRQL was left unchanged",
                page);
            return;
        }

        processor.Irql = NewIrql;
        AfterIrqlLowered(processor);
    }

    /// <summary>Under schedule exploration, DPCs queued on a processor run the moment it drops below DISPATCH_LEVEL.</summary>
    private void AfterIrqlLowered(ProcessorState processor)
    {
        if (Interleaves && processor.Irql < Irql.DISPATCH_LEVEL)
        {
            Serve(processor);
        }
    }

    private void ReleaseHold(ProcessorState processor, SpinLockHold hold)
    {
        processor.Release(hold);
        if (!hold.Contended
            && _lockOwners.TryGetValue(hold.Lock, out var owner) && owner == processor.Number
            && LastHoldOf(processor, hold.Lock) is null)
        {
            _lockOwners.Remove(hold.Lock);
        }
    }

    /// <summary>The innermost hold of <paramref name="spinLock"/> on <paramref name="processor"/>, or null (a loop: this runs at every acquire and release).</summary>
    private static SpinLockHold? LastHoldOf(ProcessorState processor, KSpinLock spinLock)
    {
        var holds = processor.HeldLocks;
        for (var i = holds.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(holds[i].Lock, spinLock))
            {
                return holds[i];
            }
        }

        return null;
    }

    private int LockNumber(KSpinLock spinLock)
    {
        if (!_lockNumbers.TryGetValue(spinLock, out var number))
        {
            number = _lockNumbers.Count + 1;
            _lockNumbers.Add(spinLock, number);
        }

        return number;
    }
}
