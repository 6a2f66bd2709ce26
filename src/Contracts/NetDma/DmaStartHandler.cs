using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>DMA_START_HANDLER</c> (ProviderStartDma): discard any current chain after the current descriptor and start
/// processing the chain at <c>DescriptorPhysicalAddress</c>. Required after allocate, abort and reset. Called at
/// IRQL &lt;= DISPATCH_LEVEL. Returns STATUS_SUCCESS, STATUS_INSUFFICIENT_RESOURCES (page: STATUS_RESOURCES) or
/// STATUS_UNSUCCESSFUL. Source: nc-netdma-dma_start_handler.md.
/// </summary>
/// <param name="ProviderChannelContext">The context ProviderAllocateDmaChannel returned.</param>
/// <param name="DescriptorVirtualAddress">Virtual address of the first 64-byte NET_DMA_DESCRIPTOR.</param>
/// <param name="DescriptorPhysicalAddress">Physical address of the same descriptor (64-byte aligned).</param>
/// <param name="DescriptorCount">Descriptors in the chain (NetDMA 2.0; 1.x providers may ignore it).</param>
[Ddi("DMA_START_HANDLER", DdiKind.Callback, "netdma.h", "nc-netdma-dma_start_handler.md", Role = "ProviderStartDma")]
[IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
[DdiStatuses(NtStatus.STATUS_SUCCESS, NtStatus.STATUS_INSUFFICIENT_RESOURCES, NtStatus.STATUS_UNSUCCESSFUL)]
public delegate NtStatus DmaStartHandler(
    [DdiParameter(DdiParameterDirection.In)] object ProviderChannelContext,
    [DdiParameter(DdiParameterDirection.In)] VirtualAddress DescriptorVirtualAddress,
    [DdiParameter(DdiParameterDirection.In)] PhysicalAddress DescriptorPhysicalAddress,
    [DdiParameter(DdiParameterDirection.In)] uint DescriptorCount);
