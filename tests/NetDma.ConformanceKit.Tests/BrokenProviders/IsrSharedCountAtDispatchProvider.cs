using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// State shared with the ISR, guarded by a spin lock taken at DISPATCH_LEVEL instead of at the interrupt's level: the
/// ISR counts the interrupts it signalled per channel (after NetDmaIsr) and the interrupt DPC reads the count under an
/// ordinary spin lock, reports with NetDmaInterruptDpc when it is not zero, and sets it to zero under the lock again. At DISPATCH_LEVEL
/// "device ... interrupts can occur" (managing-hardware-priorities.md), so the ISR preempts the DPC on its own processor
/// after the report and before the write, and the interrupt it counts is wiped out: the DPC it queued finds nothing signalled and
/// the completion is never reported (NDMA3023: a lost completion). One call at a time the ISR never lands inside the DPC and every script
/// passes.
/// </summary>
/// <remarks>
/// Why this shape and not an ISR calling KeAcquireSpinLock: "a driver must not call ... KeAcquireSpinLock ... while
/// running at IRQL &gt; DISPATCH_LEVEL" (managing-hardware-priorities.md), so an ISR cannot take the driver's ordinary
/// spin lock, and one that tries is reported by the IRQL checks (NDMA1001) on the first interrupt, one call at a time.
/// What a real provider writes is this: the ISR updates the shared state without a lock, the DPC takes an ordinary
/// spin lock believing that makes it atomic. On Windows the fix is the interrupt's spin lock (a SynchCritSection
/// routine at DIRQL, same page) or an interlocked exchange of the count; here, taking the count and clearing it with no
/// kit service in between.
/// </remarks>
public sealed class IsrSharedCountAtDispatchProvider : BrokenNetDmaProvider
{
    private readonly KSpinLock _signalLock = new();
    private readonly Dictionary<NetDmaChannelHandle, int> _signalled = [];

    protected override INetDma WrapNetDma(INetDma netDma) => new SignalCounting(netDma, Break, this);

    private sealed class SignalCounting(INetDma inner, Action<NetDmaProviderCharacteristics> rewrite, IsrSharedCountAtDispatchProvider provider)
        : CharacteristicsInterceptor(inner, rewrite)
    {
        public override void NetDmaIsr(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress DmaDescriptor, out uint pCpuNumber)
        {
            Inner.NetDmaIsr(NetDmaChannelHandle, DmaDescriptor, out pCpuNumber);
            provider._signalled[NetDmaChannelHandle] = provider._signalled.GetValueOrDefault(NetDmaChannelHandle) + 1; // at DIRQL, no lock
        }

        public override void NetDmaInterruptDpc(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress? DmaDescriptor)
        {
            var kernel = provider.Environment.Kernel;

            // The bug: this lock raises to DISPATCH_LEVEL only, so it keeps other DPCs out but not the ISR.
            kernel.KeAcquireSpinLock(provider._signalLock, out var oldIrql);
            var signalled = provider._signalled.GetValueOrDefault(NetDmaChannelHandle);
            kernel.KeReleaseSpinLock(provider._signalLock, oldIrql);
            if (signalled == 0)
            {
                return; // nothing signalled since the last report: a DPC queued twice
            }

            Inner.NetDmaInterruptDpc(NetDmaChannelHandle, DmaDescriptor); // without the lock: NetDMA may call the provider back
            kernel.KeAcquireSpinLock(provider._signalLock, out oldIrql);
            provider._signalled[NetDmaChannelHandle] = 0; // everything signalled is reported, the author believes
            kernel.KeReleaseSpinLock(provider._signalLock, oldIrql);
        }
    }
}
