using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>DMA_RESET_HANDLER</c> (ProviderResetChannel, optional): stop at once, forget every submitted descriptor and
/// return the channel to its just-allocated state; with status reporting the engine writes NetDmaTransferStatusHalted.
/// Called at IRQL &lt;= DISPATCH_LEVEL. Returns STATUS_SUCCESS or STATUS_UNSUCCESSFUL. Source: nc-netdma-dma_reset_handler.md.
/// </summary>
/// <param name="ProviderChannelContext">The context ProviderAllocateDmaChannel returned.</param>
[Ddi("DMA_RESET_HANDLER", DdiKind.Callback, "netdma.h", "nc-netdma-dma_reset_handler.md", Role = "ProviderResetChannel")]
[IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
[DdiStatuses(NtStatus.STATUS_SUCCESS, NtStatus.STATUS_UNSUCCESSFUL)]
public delegate NtStatus DmaResetHandler(
    [DdiParameter(DdiParameterDirection.In)] object ProviderChannelContext);
