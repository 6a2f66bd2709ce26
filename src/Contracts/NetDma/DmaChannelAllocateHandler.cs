using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>DMA_CHANNEL_ALLOCATE_HANDLER</c> (ProviderAllocateDmaChannel): allocate a channel whose interrupt DPC runs on a
/// CPU from <c>ChannelParameters.ProcessorAffinityMask</c> (MSI-X interrupt affinity when available, else
/// KeSetTargetProcessorDpc), write that CPU number to <c>ChannelParameters.CpuNumber</c> and return a channel context.
/// Called at IRQL &lt;= DISPATCH_LEVEL. Returns STATUS_SUCCESS, STATUS_INSUFFICIENT_RESOURCES (page:
/// STATUS_RESOURCES) or STATUS_UNSUCCESSFUL. Source: nc-netdma-dma_channel_allocate_handler.md.
/// </summary>
/// <param name="ProviderContext">The context the provider passed to NetDmaRegisterProvider.</param>
/// <param name="ChannelParameters">Configuration; the provider writes <see cref="NetDmaChannelParameters.CpuNumber"/>.</param>
/// <param name="NetDmaChannelHandle">NetDMA's handle for the channel, for NetDmaIsr and NetDmaInterruptDpc.</param>
/// <param name="pProviderChannelContext">Receives the provider's channel context (non-null on success), passed back to every per-channel handler.</param>
[Ddi("DMA_CHANNEL_ALLOCATE_HANDLER", DdiKind.Callback, "netdma.h", "nc-netdma-dma_channel_allocate_handler.md", Role = "ProviderAllocateDmaChannel")]
[IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
[DdiStatuses(NtStatus.STATUS_SUCCESS, NtStatus.STATUS_INSUFFICIENT_RESOURCES, NtStatus.STATUS_UNSUCCESSFUL)]
public delegate NtStatus DmaChannelAllocateHandler(
    [DdiParameter(DdiParameterDirection.In)] object ProviderContext,
    [DdiParameter(DdiParameterDirection.In)] NetDmaChannelParameters ChannelParameters,
    [DdiParameter(DdiParameterDirection.In)] NetDmaChannelHandle NetDmaChannelHandle,
    [DdiParameter(DdiParameterDirection.Out)] out object? pProviderChannelContext);
