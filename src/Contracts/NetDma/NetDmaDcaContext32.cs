using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.NetDma;

/// <summary>The <c>DCAContext32</c> member of the NET_DMA_DESCRIPTOR union. Source: ns-netdma-_net_dma_descriptor.md.</summary>
/// <param name="DCAContext">A 32-bit DCA context.</param>
[DdiStruct("NET_DMA_DESCRIPTOR.DCAContext32", "netdma.h", "")]
public readonly record struct NetDmaDcaContext32([property: DdiField(1)] uint DCAContext);
