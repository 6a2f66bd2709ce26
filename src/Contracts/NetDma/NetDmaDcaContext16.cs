using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.NetDma;

/// <summary>The <c>DCAContext16</c> member of the NET_DMA_DESCRIPTOR union. Source: ns-netdma-_net_dma_descriptor.md.</summary>
/// <param name="DCAContext">A 16-bit DCA context.</param>
/// <param name="Reserved">16 reserved bits.</param>
[DdiStruct("NET_DMA_DESCRIPTOR.DCAContext16", "netdma.h", "")]
public readonly record struct NetDmaDcaContext16([property: DdiField(1)] ushort DCAContext, [property: DdiField(2)] ushort Reserved);
