using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Host;

/// <summary>One descriptor NetDMA is asked to submit: copy <paramref name="Length"/> bytes from source to destination.</summary>
/// <param name="Source">Physical address of the source bytes.</param>
/// <param name="Destination">Physical address of the destination bytes.</param>
/// <param name="Length">Bytes to copy (TransferSize); for a NET_DMA_OP_TYPE_CONTEXT_CHANGE descriptor, the DCA context (DCAContext8 in the low byte).</param>
/// <param name="Flags">NET_DMA_DESCRIPTOR.ControlFlags.</param>
public readonly record struct DescriptorSpec(PhysicalAddress Source, PhysicalAddress Destination, uint Length, NetDmaDescriptorControlFlags Flags)
{
    /// <summary>NextSourceAddress (Reserved1): where the source continues after its first 4096-byte page, with NET_DMA_SOURCE_PAGE_BREAK (NetDMA 2.0).</summary>
    public PhysicalAddress NextSource { get; init; }

    /// <summary>NextDestinationAddress (Reserved2): where the destination continues after its first page, with NET_DMA_DESTINATION_PAGE_BREAK (NetDMA 2.0).</summary>
    public PhysicalAddress NextDestination { get; init; }
}
