using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.RewritingProviders;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// A lock-order inversion, the bug only concurrent schedules show: ProviderAppendDma rebalances a descriptor budget
/// shared by the first two channels under both channels' budget locks, taking its own channel's lock first. An append
/// on one channel and an append on the other, issued at the same time from two processors, can each hold one lock and
/// spin on the other forever. Sequentially (one call at a time) every script passes.
/// </summary>
public sealed class LockOrderInversionProvider : BrokenNetDmaProvider
{
    private readonly KSpinLock[] _budgetLocks = [new(), new()];

    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var append = characteristics.AppendDma!;
        var channels = AllocationOrder.RecordChannels(characteristics);
        characteristics.AppendDma = (context, virtualAddress, physicalAddress, count) =>
        {
            var own = channels.IndexOf(context);
            if (own is not (0 or 1))
            {
                return append(context, virtualAddress, physicalAddress, count);
            }

            var kernel = Environment.Kernel;
            kernel.KeAcquireSpinLock(_budgetLocks[own], out var oldIrql);
            kernel.KeAcquireSpinLock(_budgetLocks[1 - own], out var innerIrql); // the inversion: the other channel's lock second
            var status = append(context, virtualAddress, physicalAddress, count);
            kernel.KeReleaseSpinLock(_budgetLocks[1 - own], innerIrql);
            kernel.KeReleaseSpinLock(_budgetLocks[own], oldIrql);
            return status;
        };
    }
}
