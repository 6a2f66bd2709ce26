using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>Notification events: KeInitializeEvent, KeSetEvent, KeWaitForSingleObject.</summary>
public sealed partial class SimulatedKernel
{
    private readonly Dictionary<KEvent, bool> _events = new(ReferenceEqualityComparer.Instance);

    /// <inheritdoc/>
    public void KeInitializeEvent(KEvent Event, bool State)
    {
        ArgumentNullException.ThrowIfNull(Event);
        if (Enter(nameof(KeInitializeEvent), $"State = {State}"))
        {
            _events[Event] = State;
        }
    }

    /// <inheritdoc/>
    /// <remarks>An event never initialized counts as not signaled (a zeroed KEVENT).</remarks>
    public bool KeSetEvent(KEvent Event)
    {
        ArgumentNullException.ThrowIfNull(Event);
        var previous = _events.GetValueOrDefault(Event);
        if (Enter(nameof(KeSetEvent), string.Empty))
        {
            _events[Event] = true;
        }

        return previous;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The contract's ceiling (APC_LEVEL) applies to waits with a non-zero or infinite time-out; breaking it is the
    /// blocking-wait rule NDMA1002. A zero time-out is a poll, allowed up to DISPATCH_LEVEL
    /// (managing-hardware-priorities.md); above that it is NDMA1001. The event is a notification event: a satisfied
    /// wait does not reset it. No other thread exists to signal the event during a wait, so an infinite wait on a
    /// non-signaled event is reported as a hang (NDMA2003) and returns STATUS_TIMEOUT; a finite one times out.
    /// </remarks>
    public NtStatus KeWaitForSingleObject(KEvent Object, long? Timeout)
    {
        ArgumentNullException.ThrowIfNull(Object);
        var contract = KernelRoutineContract.Of(nameof(KeWaitForSingleObject));
        var timeout = Timeout is { } t ? $"{t} x 100 ns" : "infinite";
        Log.Trace.Record($"{Where} driver -> {nameof(KeWaitForSingleObject)}(Timeout = {timeout})");
        if (InHardwareContext)
        {
            CheckCallerIrql(nameof(KeWaitForSingleObject), contract.Irql, contract.Page);
            return NtStatus.STATUS_TIMEOUT;
        }

        var irql = CurrentIrql;
        Log.Checked(IrqlRules.NoBlockingWaitAtDispatch);
        if (Timeout != 0 && !contract.Irql.Allows(irql))
        {
            Log.Report(IrqlRules.NoBlockingWaitAtDispatch,
                $"KeWaitForSingleObject with a non-zero time-out called at {contract.Irql.Describe()}",
                $"KeWaitForSingleObject(Timeout = {timeout}) at {irql.ToDdiName()} ({DescribeContext()})", contract.Page);
        }
        else if (Timeout == 0 && irql > Irql.DISPATCH_LEVEL)
        {
            Log.Report(IrqlRules.CallAtContractIrql, "KeWaitForSingleObject with a zero time-out called at IRQL <= DISPATCH_LEVEL",
                $"KeWaitForSingleObject(Timeout = 0) at {irql.ToDdiName()} ({DescribeContext()})", contract.Page);
        }

        if (_events.GetValueOrDefault(Object))
        {
            return NtStatus.STATUS_SUCCESS;
        }

        if (Timeout is null)
        {
            Log.Report(StatusRules.CallbackTerminates,
                "a wait that can be satisfied: the event signaled before an infinite wait, or a finite time-out",
                $"KeWaitForSingleObject with an infinite time-out on a non-signaled event ({DescribeContext()}); nothing else runs to signal it, so the wait would never return (the kit returned STATUS_TIMEOUT)",
                contract.Page);
        }

        return NtStatus.STATUS_TIMEOUT;
    }
}
