using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ReferenceProvider.NetDma;

/// <summary>
/// Splits a descriptor's copy into runs that are contiguous on both sides, honouring the NetDMA 2.0 page breaks:
/// with NET_DMA_SOURCE_PAGE_BREAK the source continues at NextSourceAddress once the copy reaches the end of the
/// source's first 4096-byte page, and NET_DMA_DESTINATION_PAGE_BREAK does the same for the destination with
/// NextDestinationAddress. Source: ns-netdma-_net_dma_descriptor.md (ControlFlags, Reserved1, Reserved2).
/// </summary>
public static class TransferSegmentation
{
    /// <summary>The page size the page-break flags refer to, in bytes.</summary>
    public const uint PageSize = 4096;

    /// <summary>The runs of <paramref name="descriptor"/>'s copy, in copy order; empty for a zero-length transfer.</summary>
    /// <param name="descriptor">The descriptor (its TransferSize, addresses and page-break flags are used).</param>
    public static IReadOnlyList<TransferSegment> Split(in NetDmaDescriptor descriptor)
    {
        var flags = descriptor.ControlFlags;
        PhysicalAddress? nextSource = flags.HasFlag(NetDmaDescriptorControlFlags.NET_DMA_SOURCE_PAGE_BREAK) ? descriptor.NextSourceAddress : null;
        PhysicalAddress? nextDestination = flags.HasFlag(NetDmaDescriptorControlFlags.NET_DMA_DESTINATION_PAGE_BREAK) ? descriptor.NextDestinationAddress : null;
        return Split(descriptor.TransferSize, descriptor.SourceAddress, nextSource, descriptor.DestinationAddress, nextDestination);
    }

    /// <summary>
    /// The runs of a copy of <paramref name="transferSize"/> bytes, in copy order; empty when the size is 0.
    /// </summary>
    /// <param name="transferSize">Bytes to copy.</param>
    /// <param name="source">Where the source starts.</param>
    /// <param name="nextSource">Where the source continues after its first page, or null when it does not break.</param>
    /// <param name="destination">Where the destination starts.</param>
    /// <param name="nextDestination">Where the destination continues after its first page, or null when it does not break.</param>
    public static IReadOnlyList<TransferSegment> Split(
        uint transferSize,
        PhysicalAddress source,
        PhysicalAddress? nextSource,
        PhysicalAddress destination,
        PhysicalAddress? nextDestination)
    {
        // Offsets (within the transfer) where each side jumps to its second page; transferSize means "never".
        var sourceBreak = BreakOffset(transferSize, source, nextSource);
        var destinationBreak = BreakOffset(transferSize, destination, nextDestination);

        var cuts = new SortedSet<uint> { 0, sourceBreak, destinationBreak, transferSize };
        var segments = new List<TransferSegment>(cuts.Count);
        uint? start = null;
        foreach (var cut in cuts)
        {
            if (start is { } from && cut > from)
            {
                segments.Add(new TransferSegment(
                    AddressAt(from, source, nextSource, sourceBreak),
                    AddressAt(from, destination, nextDestination, destinationBreak),
                    cut - from));
            }

            start = cut;
        }

        return segments;
    }

    private static uint BreakOffset(uint transferSize, PhysicalAddress start, PhysicalAddress? next)
    {
        if (next is null)
        {
            return transferSize;
        }

        var restOfFirstPage = PageSize - (uint)(start.QuadPart % PageSize);
        return Math.Min(transferSize, restOfFirstPage);
    }

    private static PhysicalAddress AddressAt(uint offset, PhysicalAddress start, PhysicalAddress? next, uint breakOffset) =>
        next is { } second && offset >= breakOffset ? second.Offset(offset - breakOffset) : start.Offset(offset);
}
