using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>DMA_SUSPEND_HANDLER</c> (ProviderSuspendDma, optional): finish the current descriptor, suspend the channel and
/// report the last processed descriptor; with status reporting the engine writes NetDmaTransferStatusSuspend. Must be
/// paired with ProviderResumeDma. Called at IRQL &lt;= DISPATCH_LEVEL. Returns STATUS_SUCCESS or STATUS_UNSUCCESSFUL.
/// Source: nc-netdma-dma_suspend_handler.md.
/// </summary>
/// <param name="ProviderChannelContext">The context ProviderAllocateDmaChannel returned.</param>
/// <param name="pLastDescriptor">Receives the physical address of the last descriptor the engine processed.</param>
[Ddi("DMA_SUSPEND_HANDLER", DdiKind.Callback, "netdma.h", "nc-netdma-dma_suspend_handler.md", Role = "ProviderSuspendDma")]
[IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
[DdiStatuses(NtStatus.STATUS_SUCCESS, NtStatus.STATUS_UNSUCCESSFUL)]
public delegate NtStatus DmaSuspendHandler(
    [DdiParameter(DdiParameterDirection.In)] object ProviderChannelContext,
    [DdiParameter(DdiParameterDirection.Out)] out PhysicalAddress pLastDescriptor);
