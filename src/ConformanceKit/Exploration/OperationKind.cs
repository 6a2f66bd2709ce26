namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// What one generated step asks NetDMA to do. The model (<see cref="NetDmaSequenceModel"/>) turns each step into the
/// script lines NetDMA would produce at that point, adapting or dropping a step that the current state does not allow
/// (NetDMA never appends to a channel it has not started, never resumes a channel it has not suspended ...).
/// </summary>
public enum OperationKind
{
    /// <summary>ProviderAllocateDmaChannel for a channel name that is not allocated (nc-netdma-dma_channel_allocate_handler.md).</summary>
    Allocate,

    /// <summary>ProviderFreeDmaChannel, after NetDMA has waited for the channel's outstanding descriptors (freeing-a-netdma-channel.md).</summary>
    Free,

    /// <summary>ProviderStartDma with a fresh chain; allocates a channel first when none is live (nc-netdma-dma_start_handler.md).</summary>
    Start,

    /// <summary>ProviderAppendDma with a fresh chain on a started channel; a start when no channel is started (nc-netdma-dma_append_handler.md).</summary>
    Append,

    /// <summary>ProviderSuspendDma on a started channel (nc-netdma-dma_suspend_handler.md); only for providers that have it.</summary>
    Suspend,

    /// <summary>ProviderResumeDma on a suspended channel (nc-netdma-dma_resume_handler.md); only for providers that have it.</summary>
    Resume,

    /// <summary>ProviderAbortDma on a started or suspended channel (nc-netdma-dma_abort_handler.md); only for providers that have it.</summary>
    Abort,

    /// <summary>ProviderResetChannel on a started or suspended channel (nc-netdma-dma_reset_handler.md); only for providers that have it.</summary>
    Reset,

    /// <summary>The hardware runs until idle (<c>run</c>); the model asserts every descriptor that must have been copied.</summary>
    Run,

    /// <summary>The hardware runs a few engine steps (<c>run steps=k</c>); what ran is unknown to the model.</summary>
    RunSteps,

    /// <summary>
    /// IRP_MN_STOP_DEVICE with the channels as they are, busy or not, then IRP_MN_START_DEVICE: NetDMA waits inside
    /// NetDmaProviderStop for the outstanding transfers and frees every channel (nf-netdma-netdmaproviderstop.md).
    /// </summary>
    RestartDevice,

    /// <summary>
    /// The device leaves the bus while started, channels busy or not (<c>surprise_remove</c>; unplugged or failed, as
    /// before IRP_MN_SURPRISE_REMOVAL): its DMA fails and it raises no interrupt from then on. Nothing of NetDMA's
    /// follows; the PnP manager sends only IRP_MN_REMOVE_DEVICE, so the model drops every later step and its teardown
    /// is <c>remove_device</c> alone (starting-a-netdma-provider.md, nf-netdma-netdmaderegisterprovider.md).
    /// </summary>
    SurpriseRemoval,

    /// <summary>
    /// A <c>concurrently</c> block (generated only under schedule exploration, <see cref="ExplorationOptions.Schedules"/>):
    /// its <see cref="GeneratedOperation.Lanes"/> run at the same time, each NetDMA call from its own processor, with
    /// the hardware running meanwhile when a lane is a <see cref="Run"/>. Only what NetDMA itself could issue at once:
    /// ProviderAppendDma on started channels from several CPUs (nc-netdma-dma_append_handler.md: IRQL &lt;=
    /// DISPATCH_LEVEL, any processor) and ProviderStartDma on channels waiting for a start, and ProviderFreeDmaChannel of
    /// a channel whose last descriptors the host first waits for, so the free races only their interrupt and DPC
    /// (freeing-a-netdma-channel.md), and, for providers that have them, ProviderSuspendDma of a started channel and
    /// ProviderAbortDma of a started or suspended one, racing the engine. A free of a suspended channel is generated
    /// too: the host resumes it inside the free and waits for its outstanding DMA while the block's hardware runs.
    /// One lane per channel: the pages do not say NetDMA calls one channel from two processors at once, so the model
    /// does not.
    /// </summary>
    Concurrently,
}
