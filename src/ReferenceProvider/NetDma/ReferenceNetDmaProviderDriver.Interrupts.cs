using NetDma.Contracts.Kernel;
using NetDma.Contracts.Platform;

namespace NetDma.ReferenceProvider.NetDma;

/// <summary>The provider's interrupt service routine and interrupt DPC.</summary>
public sealed partial class ReferenceNetDmaProviderDriver
{
    /// <summary>
    /// The ISR (KMESSAGE_SERVICE_ROUTINE), at DIRQL. With MSI-X the message names the channels; with the line-based
    /// interrupt every channel is checked. For each channel that signaled: acknowledge, tell NetDMA (NetDmaIsr), aim
    /// the DPC at the CPU NetDMA returns and queue it. Nothing else happens here: "do as little work as possible"
    /// (nf-netdma-netdmaisr.md, handling-a-netdma-interrupt.md).
    /// </summary>
    /// <remarks>
    /// No spin lock is taken: KeAcquireSpinLock requires IRQL &lt;= DISPATCH_LEVEL. The interrupt status is the
    /// engine's read-to-clear register, and <see cref="ProviderChannel.Owner"/> is read as one reference. A driver on
    /// real hardware would serialize with ProviderFreeDmaChannel through the interrupt spin lock
    /// (KeSynchronizeExecution), which the kit's kernel does not model; the simulated platform runs an ISR
    /// atomically with respect to the handlers.
    /// </remarks>
    private bool OnInterrupt(KInterrupt Interrupt, object? ServiceContext, uint MessageId)
    {
        var claimed = false;
        foreach (var channel in _channels)
        {
            if (_messageSignaled)
            {
                if (channel.MessageId != MessageId)
                {
                    continue;
                }

                // An MSI-X message is never shared: it is this device's even when its status was already cleared.
                claimed = true;
            }

            if (!Engine.AcknowledgeInterrupt(channel.Index, out var descriptor))
            {
                continue;
            }

            claimed = true;
            if (channel.Owner is not { } owner)
            {
                continue; // Freed since the engine signaled: nothing may be reported for it (nc-netdma-dma_channel_free_handler.md).
            }

            NetDmaInterface.NetDmaIsr(owner.NetDmaChannelHandle, descriptor, out var cpuNumber);

            // handling-a-netdma-interrupt.md: "The NetDMA provider must use the CPU number that pCpuNumber specifies as
            // the target CPU for the interrupt DPC." It is normally the CpuNumber reported at allocation (the MSI-X
            // message's CPU, or the DPC's target), so the DPC is moved only when NetDMA names another active CPU.
            if (cpuNumber != channel.DpcTargetCpu && cpuNumber < Kernel.KeQueryActiveProcessorCount())
            {
                Kernel.KeSetTargetProcessorDpc(channel.InterruptDpc, (byte)cpuNumber);
                channel.DpcTargetCpu = cpuNumber;
            }

            // The owner travels with the DPC so that it can tell whether the channel was freed (or freed and
            // reallocated) before it ran. If the DPC is already queued, that earlier request reports this completion too.
            Kernel.KeInsertQueueDpc(channel.InterruptDpc, owner, null);
        }

        return claimed;
    }

    /// <summary>
    /// The interrupt DPC (KDEFERRED_ROUTINE), at DISPATCH_LEVEL on the channel's target CPU: reports the last
    /// completed descriptor with NetDmaInterruptDpc, or NULL when the engine halted on an error
    /// (handling-a-netdma-interrupt-dpc.md, nf-netdma-netdmainterruptdpc.md).
    /// </summary>
    private void OnInterruptDpc(KDpc Dpc, object? DeferredContext, object? SystemArgument1, object? SystemArgument2)
    {
        if (DeferredContext is not ProviderChannel channel || SystemArgument1 is not ProviderChannelContext owner)
        {
            return;
        }

        var kernel = Kernel;
        kernel.KeAcquireSpinLock(channel.SpinLock, out var oldIrql);
        var live = ReferenceEquals(channel.Owner, owner) && !owner.Freed;
        var faulted = Engine.GetState(channel.Index) == CopyEngineChannelState.Faulted;
        var lastProcessed = Engine.GetLastProcessedDescriptor(channel.Index);
        kernel.KeReleaseSpinLock(channel.SpinLock, oldIrql);

        // Call NetDMA without the lock: it may call back into ProviderAppendDma or ProviderStartDma for this
        // channel, which take the same lock (rule NDMA1006).
        if (!live)
        {
            return; // Freed after the ISR queued this DPC: nothing may be reported for it (rule NDMA3015).
        }

        PhysicalAddress? dmaDescriptor = faulted || lastProcessed.IsNull ? null : lastProcessed;
        NetDmaInterface.NetDmaInterruptDpc(owner.NetDmaChannelHandle, dmaDescriptor);
    }
}
