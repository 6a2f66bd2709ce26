using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>DMA_ADAPTER</c>: the adapter object IoGetDmaAdapter returns; drivers reach every DMA routine through
/// <see cref="DmaOperations"/>. Release it with PutDmaAdapter. Source: ns-wdm-_dma_adapter.md.
/// </summary>
[DdiStruct("DMA_ADAPTER", "wdm.h", "ns-wdm-_dma_adapter.md")]
public sealed class DmaAdapter
{
    /// <summary>Version of the structure (1).</summary>
    [DdiField(1)]
    public ushort Version { get; init; } = 1;

    /// <summary>Size of the structure in bytes.</summary>
    [DdiField(2)]
    public ushort Size { get; init; } = 16;

    /// <summary>The adapter's routines.</summary>
    [DdiField(3)]
    public required DmaOperations DmaOperations { get; init; }
}
