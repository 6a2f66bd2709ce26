namespace NetDma.ConformanceKit.Memory;

/// <summary>
/// What a <see cref="MemoryBuffer"/> holds. The kind changes how device accesses are checked: reads from a
/// <see cref="DescriptorRing"/> must fetch whole 64-byte NET_DMA_DESCRIPTORs (rule NDMA5002,
/// ns-netdma-_net_dma_descriptor.md); every kind is subject to the buffer-bounds rule NDMA5001.
/// </summary>
public enum MemoryKind
{
    /// <summary>A data buffer a transfer reads from or writes to.</summary>
    Data,

    /// <summary>Memory holding 64-byte, 64-byte-aligned NET_DMA_DESCRIPTOR structures.</summary>
    DescriptorRing,

    /// <summary>The completion-status word an engine writes (NET_DMA_CHANNEL_PARAMETERS.CompletionVirtualAddress).</summary>
    Completion,

    /// <summary>A pool block allocated with ExAllocatePool2.</summary>
    Pool,

    /// <summary>A common buffer allocated with AllocateCommonBuffer (nc-wdm-pallocate_common_buffer.md).</summary>
    CommonBuffer,
}
