using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>DMA_ABORT_HANDLER</c> (ProviderAbortDma, optional): stop at once without finishing the current descriptor;
/// with status reporting the engine writes NetDmaTransferStatusHalted; the channel must then accept ProviderStartDma.
/// Called at IRQL &lt;= DISPATCH_LEVEL. Returns STATUS_SUCCESS or STATUS_UNSUCCESSFUL. Source: nc-netdma-dma_abort_handler.md.
/// </summary>
/// <param name="ProviderChannelContext">The context ProviderAllocateDmaChannel returned.</param>
[Ddi("DMA_ABORT_HANDLER", DdiKind.Callback, "netdma.h", "nc-netdma-dma_abort_handler.md", Role = "ProviderAbortDma")]
[IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
[DdiStatuses(NtStatus.STATUS_SUCCESS, NtStatus.STATUS_UNSUCCESSFUL)]
public delegate NtStatus DmaAbortHandler(
    [DdiParameter(DdiParameterDirection.In)] object ProviderChannelContext);
