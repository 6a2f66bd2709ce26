namespace NetDma.Contracts.NetDma;

/// <summary>
/// Bits of <c>NET_DMA_DESCRIPTOR.ControlFlags</c>. Source: ns-netdma-_net_dma_descriptor.md.
/// </summary>
[Flags]
public enum NetDmaDescriptorControlFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>NET_DMA_INTERRUPT_ON_COMPLETION: interrupt the channel after this descriptor.</summary>
    NET_DMA_INTERRUPT_ON_COMPLETION = 0x00000001,

    /// <summary>NET_DMA_SOURCE_NO_SNOOP: do not snoop CPU caches for the source.</summary>
    NET_DMA_SOURCE_NO_SNOOP = 0x00000002,

    /// <summary>NET_DMA_DESTINATION_NO_SNOOP: do not snoop CPU caches for the destination.</summary>
    NET_DMA_DESTINATION_NO_SNOOP = 0x00000004,

    /// <summary>NET_DMA_STATUS_UPDATE_ON_COMPLETION: write the completion status after this descriptor.</summary>
    NET_DMA_STATUS_UPDATE_ON_COMPLETION = 0x00000008,

    /// <summary>NET_DMA_SERIALIZE_TRANSFER: finish all writes of this descriptor before reading the next.</summary>
    NET_DMA_SERIALIZE_TRANSFER = 0x00000010,

    /// <summary>NET_DMA_NULL_TRANSFER: no data moves for this descriptor.</summary>
    NET_DMA_NULL_TRANSFER = 0x00000020,

    /// <summary>NET_DMA_SOURCE_PAGE_BREAK (2.0): continue the source at NextSourceAddress after the first page.</summary>
    NET_DMA_SOURCE_PAGE_BREAK = 0x00000040,

    /// <summary>NET_DMA_DESTINATION_PAGE_BREAK (2.0): continue the destination at NextDestinationAddress after the first page.</summary>
    NET_DMA_DESTINATION_PAGE_BREAK = 0x00000080,

    /// <summary>NET_DMA_DESTINATION_DCA_ENABLE (2.0): send a DCA hint for the destination.</summary>
    NET_DMA_DESTINATION_DCA_ENABLE = 0x00000200,

    /// <summary>NET_DMA_OP_TYPE_CONTEXT_CHANGE (2.0): the operation-type value of a DCA context change descriptor (the top byte set).</summary>
    NET_DMA_OP_TYPE_CONTEXT_CHANGE = 0xFF000000,

    /// <summary>
    /// NET_DMA_OP_TYPE_MASK: the bits that carry the operation type (the top byte, as NET_DMA_OP_TYPE_CONTEXT_CHANGE
    /// shows). The published netdma.h does not define the mask; the value is derived from the operation types it defines.
    /// </summary>
    NET_DMA_OP_TYPE_MASK = 0xFF000000,

    /// <summary>
    /// NET_DMA_RESERVED_MASK: the bits no flag or operation type uses; NetDMA sets them to zero. Derived, as
    /// <see cref="NET_DMA_OP_TYPE_MASK"/>, from the flags netdma.h defines.
    /// </summary>
    NET_DMA_RESERVED_MASK = 0x00FFFD00,
}
