namespace NetDma.ConformanceKit.Host;

/// <summary>
/// NetDMA's view of one channel, which decides which handler it may call next: ProviderStartDma is required after
/// allocation, abort and reset (nc-netdma-dma_start_handler.md); append only after a start (nc-netdma-dma_append_handler.md);
/// resume only after a suspend (nc-netdma-dma_resume_handler.md).
/// </summary>
public enum ChannelState
{
    /// <summary>Allocated (or reset/aborted): the next transfer must be a ProviderStartDma.</summary>
    NeedsStart,

    /// <summary>A chain was started; appends are allowed.</summary>
    Started,

    /// <summary>ProviderSuspendDma succeeded; ProviderResumeDma is next.</summary>
    Suspended,

    /// <summary>ProviderFreeDmaChannel was called; no handler may be called again.</summary>
    Freed,
}
