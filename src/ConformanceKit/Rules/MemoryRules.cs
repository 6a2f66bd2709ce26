namespace NetDma.ConformanceKit.Rules;

/// <summary>NDMA5xxx: memory, descriptors and data.</summary>
public static class MemoryRules
{
    /// <summary>DMA stays inside allocated buffers.</summary>
    public static readonly Rule DmaInsideBuffers = new("NDMA5001", RuleLevel.MUST,
        "Every DMA read and write lies inside one allocated buffer; guard bands and freed memory are never touched.", "dma-verification.md");

    /// <summary>Descriptors are 64-byte aligned and read whole.</summary>
    public static readonly Rule DescriptorAlignment = new("NDMA5002", RuleLevel.MUST,
        "Descriptors are fetched at 64-byte-aligned physical addresses that NetDMA submitted.", "ns-netdma-_net_dma_descriptor.md");

    /// <summary>Pool blocks freed once.</summary>
    public static readonly Rule PoolFreedOnce = new("NDMA5003", RuleLevel.MUST,
        "A pool block is freed exactly once, and only a block that was allocated.", "dma-verification.md");

    /// <summary>Data moved exactly as described.</summary>
    public static readonly Rule DataCopiedExactly = new("NDMA5004", RuleLevel.MUST,
        "Each processed descriptor copies TransferSize bytes from SourceAddress to DestinationAddress, and nothing else.", "ns-netdma-_net_dma_descriptor.md");

    /// <summary>Completion status written as documented.</summary>
    public static readonly Rule CompletionStatusWritten = new("NDMA5005", RuleLevel.MUST,
        "With NET_DMA_STATUS_UPDATE_ON_COMPLETION the engine writes the last descriptor's physical address ORed with its NET_DMA_TRANSFER_STATUS.", "ns-netdma-_net_dma_channel_parameters.md");

    /// <summary>No pool leak at removal.</summary>
    public static readonly Rule NoLeakAtRemove = new("NDMA5006", RuleLevel.SHOULD,
        "Every pool block the driver allocated is freed by the time its device is removed.", "dma-verification.md");

    /// <summary>Every rule of the area, in ID order.</summary>
    public static IReadOnlyList<Rule> All { get; } =
        [DmaInsideBuffers, DescriptorAlignment, PoolFreedOnce, DataCopiedExactly, CompletionStatusWritten, NoLeakAtRemove];
}
