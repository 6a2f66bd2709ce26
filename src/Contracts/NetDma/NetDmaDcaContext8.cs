using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.NetDma;

/// <summary>The <c>DCAContext8</c> member of the NET_DMA_DESCRIPTOR union: the target processor's 8-bit APIC ID. Source: ns-netdma-_net_dma_descriptor.md.</summary>
/// <param name="DCAContext">An 8-bit DCA context (APIC ID).</param>
/// <param name="Reserved">24 reserved bits.</param>
[DdiStruct("NET_DMA_DESCRIPTOR.DCAContext8", "netdma.h", "")]
public readonly record struct NetDmaDcaContext8([property: DdiField(1)] byte DCAContext, [property: DdiField(2)] uint Reserved);
