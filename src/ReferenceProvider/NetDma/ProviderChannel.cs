using NetDma.Contracts.Kernel;

namespace NetDma.ReferenceProvider.NetDma;

/// <summary>
/// The driver's state for one hardware channel, created at IRP_MN_START_DEVICE: its spin lock and interrupt DPC
/// (resident objects, as KeInitializeDpc requires: nf-wdm-keinitializedpc.md), its interrupt routing, the CPU its
/// DPC targets and the allocation that owns it.
/// </summary>
/// <param name="index">Hardware channel number, 0 .. channel count - 1.</param>
internal sealed class ProviderChannel(int index)
{
    /// <summary>Hardware channel number; also the channel's number in NET_DMA_CHANNEL_CPU_AFFINITY.DmaChannel.</summary>
    public int Index { get; } = index;

    /// <summary>
    /// Guards <see cref="Owner"/> and every command to the channel's engine registers. Acquired at IRQL &lt;=
    /// DISPATCH_LEVEL only (never in the ISR).
    /// </summary>
    public KSpinLock SpinLock { get; } = new();

    /// <summary>The interrupt DPC; it calls NetDmaInterruptDpc for the channel (handling-a-netdma-interrupt-dpc.md).</summary>
    public KDpc InterruptDpc { get; } = new();

    /// <summary>The interrupt the channel signals: its MSI-X message number, or 0 for the line-based interrupt.</summary>
    public uint MessageId { get; set; }

    /// <summary>
    /// The CPU number (not a mask) the channel's MSI-X message targets, or null when interrupts are line-based (the
    /// platform picks their processor, so only the DPC can be steered).
    /// </summary>
    public uint? InterruptCpu { get; set; }

    /// <summary>The CPU number the interrupt DPC currently targets (last KeSetTargetProcessorDpc).</summary>
    public uint DpcTargetCpu { get; set; }

    /// <summary>The allocation that owns the channel, or null when it is free.</summary>
    public ProviderChannelContext? Owner { get; set; }

    /// <summary>
    /// ISRs running for this channel now that may call NetDmaIsr for its owner: incremented (interlocked) before the ISR
    /// reads <see cref="Owner"/>, decremented after its NetDmaIsr. ProviderFreeDmaChannel clears the owner and then
    /// waits for it to reach zero, so no ISR that found the channel allocated calls NetDmaIsr after the free returns.
    /// </summary>
    public int IsrsInFlight;

    /// <summary>
    /// Interrupt DPCs of this channel between their check of <see cref="Owner"/> (under <see cref="SpinLock"/>, where
    /// this is incremented) and the return of their NetDmaInterruptDpc (decremented, interlocked). ProviderFreeDmaChannel
    /// waits for it to reach zero after clearing the owner, so no DPC reports the channel after the free returns.
    /// NetDMA frees a channel from its own context, never from inside NetDmaInterruptDpc for it, so the wait never
    /// waits for its own caller.
    /// </summary>
    public int DpcsInFlight;

    /// <summary>
    /// Set by the ISR after NetDmaIsr, read and cleared by the DPC, cleared by ProviderFreeDmaChannel. The DPC reports
    /// for whoever owns the channel when it runs, so a DPC queued for an earlier owner neither reports for a freed
    /// channel nor loses a completion of the channel's next owner (KeInsertQueueDpc does not queue a DPC twice).
    /// </summary>
    public bool DpcRequested { get; set; }
}
