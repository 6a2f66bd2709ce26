namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>NET_DMA_TRANSFER_STATUS</c>: the low bits the engine ORs into the completion status together with the physical
/// address of the last processed descriptor (descriptors are 64-byte aligned, so the low 6 bits are free).
/// Source: ns-netdma-_net_dma_channel_parameters.md (CompletionPhysicalAddress).
/// </summary>
public enum NetDmaTransferStatus : ulong
{
    /// <summary>The last descriptor completed without errors and more descriptors are pending.</summary>
    NetDmaTransferStatusActive = 0,

    /// <summary>The last descriptor of the chain completed without errors; the channel is idle.</summary>
    NetDmaTransferStatusIdle = 1,

    /// <summary>The last descriptor completed and the channel is suspended by ProviderSuspendDma.</summary>
    NetDmaTransferStatusSuspend = 2,

    /// <summary>The transfer was aborted (error, ProviderAbortDma or ProviderResetChannel).</summary>
    NetDmaTransferStatusHalted = 3,

    /// <summary>The first descriptor has not completed yet; the address part is not valid.</summary>
    NetDmaTransferStatusArmed = 4,
}
