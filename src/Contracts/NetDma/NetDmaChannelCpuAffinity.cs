using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>NET_DMA_CHANNEL_CPU_AFFINITY</c>: one entry of the array NetDMA passes to ProviderSetDmaChannelCpuAffinity.
/// Source: ns-netdma-_net_dma_channel_cpu_affinity.md.
/// </summary>
/// <param name="DmaChannel">Channel number, 0 .. <c>MaxDmaChannelCount</c> - 1.</param>
/// <param name="CpuNumber">Target CPU <b>number</b> (not a mask) for the channel's MSI-X interrupt.</param>
[DdiStruct("NET_DMA_CHANNEL_CPU_AFFINITY", "netdma.h", "ns-netdma-_net_dma_channel_cpu_affinity.md")]
public readonly record struct NetDmaChannelCpuAffinity([property: DdiField(1)] uint DmaChannel, [property: DdiField(2)] uint CpuNumber);
