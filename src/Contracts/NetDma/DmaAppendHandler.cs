using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>DMA_APPEND_HANDLER</c> (ProviderAppendDma): append a chain after the last descriptor of a started channel (NetDMA
/// has already linked the old last descriptor's NextDescriptor to it). Called at IRQL &lt;= DISPATCH_LEVEL. Returns
/// STATUS_SUCCESS or STATUS_UNSUCCESSFUL. Source: nc-netdma-dma_append_handler.md.
/// </summary>
/// <param name="ProviderChannelContext">The context ProviderAllocateDmaChannel returned.</param>
/// <param name="DescriptorVirtualAddress">Virtual address of the first appended descriptor.</param>
/// <param name="DescriptorPhysicalAddress">Physical address of the first appended descriptor.</param>
/// <param name="DescriptorCount">Descriptors appended (NetDMA 2.0).</param>
[Ddi("DMA_APPEND_HANDLER", DdiKind.Callback, "netdma.h", "nc-netdma-dma_append_handler.md", Role = "ProviderAppendDma")]
[IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
[DdiStatuses(NtStatus.STATUS_SUCCESS, NtStatus.STATUS_UNSUCCESSFUL)]
public delegate NtStatus DmaAppendHandler(
    [DdiParameter(DdiParameterDirection.In)] object ProviderChannelContext,
    [DdiParameter(DdiParameterDirection.In)] VirtualAddress DescriptorVirtualAddress,
    [DdiParameter(DdiParameterDirection.In)] PhysicalAddress DescriptorPhysicalAddress,
    [DdiParameter(DdiParameterDirection.In)] uint DescriptorCount);
