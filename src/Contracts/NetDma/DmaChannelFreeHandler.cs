using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>DMA_CHANNEL_FREE_HANDLER</c> (ProviderFreeDmaChannel): free a channel with no outstanding DMA operation. NetDMA
/// calls no handler for the channel afterwards. Called at IRQL &lt;= DISPATCH_LEVEL. No return value.
/// Source: nc-netdma-dma_channel_free_handler.md.
/// </summary>
/// <param name="ProviderChannelContext">The context ProviderAllocateDmaChannel returned.</param>
[Ddi("DMA_CHANNEL_FREE_HANDLER", DdiKind.Callback, "netdma.h", "nc-netdma-dma_channel_free_handler.md", Role = "ProviderFreeDmaChannel")]
[IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
public delegate void DmaChannelFreeHandler(
    [DdiParameter(DdiParameterDirection.In)] object ProviderChannelContext);
