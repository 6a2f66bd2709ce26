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
    /// No spin lock is taken: KeAcquireSpinLock requires IRQL &lt;= DISPATCH_LEVEL (managing-hardware-priorities.md).
    /// The interrupt status is the engine's read-to-clear register and <see cref="ProviderChannel.DpcRequested"/> is
    /// only set here. ProviderFreeDmaChannel runs on another processor meanwhile, so the ISR announces itself in
    /// <see cref="ProviderChannel.IsrsInFlight"/> before it reads <see cref="ProviderChannel.Owner"/> and withdraws
    /// after NetDmaIsr; free clears the owner and waits for the count to drop (see FreeDmaChannel). On Windows the
    /// interrupt spin lock (KeSynchronizeExecution) is the usual tool; its page is not in the kit's corpus, so the kit
    /// neither models nor uses it.
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
            Interlocked.Increment(ref channel.IsrsInFlight);
            try
            {
                ReportInterrupt(channel, descriptor); // the increment is a full fence: free's owner change is seen
            }
            finally
            {
                Interlocked.Decrement(ref channel.IsrsInFlight);
            }
        }

        return claimed;
    }

    /// <summary>The ISR's work for one channel that signalled: NetDmaIsr for its owner, then aim and queue the DPC.</summary>
    private void ReportInterrupt(ProviderChannel channel, PhysicalAddress descriptor)
    {
        if (channel.Owner is not { } owner)
        {
            return; // Not allocated: nothing may be reported for it (nc-netdma-dma_channel_free_handler.md).
        }

        NetDmaInterface.NetDmaIsr(owner.NetDmaChannelHandle, descriptor, out var cpuNumber);

        // handling-a-netdma-interrupt.md: "The NetDMA provider must use the CPU number that pCpuNumber specifies as
        // the target CPU for the interrupt DPC." It is normally the CpuNumber reported at allocation (the MSI-X
        // message's CPU, or the DPC's target), so the DPC is moved only when NetDMA names another active CPU.
        if (cpuNumber != channel.DpcTargetCpu && cpuNumber <= byte.MaxValue && cpuNumber < Kernel.KeQueryActiveProcessorCount())
        {
            Kernel.KeSetTargetProcessorDpc(channel.InterruptDpc, (byte)cpuNumber);
            channel.DpcTargetCpu = cpuNumber;
        }

        // If the DPC is already queued, that queued run reports this completion too.
        channel.DpcRequested = true;
        Kernel.KeInsertQueueDpc(channel.InterruptDpc, null, null);
    }

    /// <summary>
    /// The interrupt DPC (KDEFERRED_ROUTINE), at DISPATCH_LEVEL on the channel's target CPU: reports the last
    /// completed descriptor with NetDmaInterruptDpc, or NULL when the engine halted on an error
    /// (handling-a-netdma-interrupt-dpc.md, nf-netdma-netdmainterruptdpc.md).
    /// </summary>
    private void OnInterruptDpc(KDpc Dpc, object? DeferredContext, object? SystemArgument1, object? SystemArgument2)
    {
        if (DeferredContext is not ProviderChannel channel)
        {
            return;
        }

        var kernel = Kernel;
        kernel.KeAcquireSpinLock(channel.SpinLock, out var oldIrql);
        var owner = channel.Owner;
        var requested = channel.DpcRequested;
        channel.DpcRequested = false;
        var faulted = Engine.GetState(channel.Index) == CopyEngineChannelState.Faulted;
        var lastProcessed = Engine.GetLastProcessedDescriptor(channel.Index);
        var reports = owner is not null && requested;
        if (reports)
        {
            // Announced under the lock that free takes to clear the owner: free then waits for this report.
            Interlocked.Increment(ref channel.DpcsInFlight);
        }

        kernel.KeReleaseSpinLock(channel.SpinLock, oldIrql);

        // Freed after the ISR queued this DPC (which cleared the request): nothing may be reported (rule NDMA3015).
        // A DPC of a previous start finds its channel object unowned.
        if (!reports)
        {
            return;
        }

        // Call NetDMA without the lock: it may call back into ProviderAppendDma or ProviderStartDma for this
        // channel, which take the same lock (rule NDMA1006).
        PhysicalAddress? dmaDescriptor = faulted || lastProcessed.IsNull ? null : lastProcessed;
        try
        {
            NetDmaInterface.NetDmaInterruptDpc(owner!.NetDmaChannelHandle, dmaDescriptor);
        }
        finally
        {
            Interlocked.Decrement(ref channel.DpcsInFlight);
        }
    }
}
