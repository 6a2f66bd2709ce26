using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>DMA_RESUME_HANDLER</c> (ProviderResumeDma, optional): resume a suspended channel, rereading the last processed
/// descriptor for its (possibly new) NextDescriptor. Called at IRQL &lt;= DISPATCH_LEVEL. Returns STATUS_SUCCESS or
/// STATUS_UNSUCCESSFUL. Source: nc-netdma-dma_resume_handler.md.
/// </summary>
/// <param name="ProviderChannelContext">The context ProviderAllocateDmaChannel returned.</param>
[Ddi("DMA_RESUME_HANDLER", DdiKind.Callback, "netdma.h", "nc-netdma-dma_resume_handler.md", Role = "ProviderResumeDma")]
[IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
[DdiStatuses(NtStatus.STATUS_SUCCESS, NtStatus.STATUS_UNSUCCESSFUL)]
public delegate NtStatus DmaResumeHandler(
    [DdiParameter(DdiParameterDirection.In)] object ProviderChannelContext);
