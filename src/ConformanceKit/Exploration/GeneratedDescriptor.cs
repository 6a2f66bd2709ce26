namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// One generated copy descriptor (NET_DMA_DESCRIPTOR, ns-netdma-_net_dma_descriptor.md) before the model places it:
/// the model reads <see cref="SourceOffset"/> modulo the room left in the source buffer and gives every descriptor a
/// fresh destination buffer of exactly <see cref="Length"/> bytes, so destinations never overlap and a write past the
/// end lands in a guard band (NDMA5001).
/// </summary>
/// <param name="Length">TransferSize in bytes, 1..4096.</param>
/// <param name="SourceOffset">Raw byte offset into the source buffer (reduced by the model to fit).</param>
public readonly record struct GeneratedDescriptor(int Length, int SourceOffset);
