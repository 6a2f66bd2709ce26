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

    /// <summary>Most runs one descriptor's copy splits into: each side breaks at most once, so three.</summary>
    public const int MaximumSegmentCount = 3;

    /// <summary>The runs of <paramref name="descriptor"/>'s copy, in copy order; empty for a zero-length transfer.</summary>
    /// <param name="descriptor">The descriptor (its TransferSize, addresses and page-break flags are used).</param>
    public static IReadOnlyList<TransferSegment> Split(in NetDmaDescriptor descriptor)
    {
        Span<TransferSegment> segments = stackalloc TransferSegment[MaximumSegmentCount];
        return segments[..Split(descriptor, segments)].ToArray();
    }

    /// <summary>
    /// Writes the runs of <paramref name="descriptor"/>'s copy, in copy order, into <paramref name="segments"/> and
    /// returns how many there are (0 for a zero-length transfer): the engine's allocation-free form.
    /// </summary>
    /// <param name="descriptor">The descriptor (its TransferSize, addresses and page-break flags are used).</param>
    /// <param name="segments">Room for at least <see cref="MaximumSegmentCount"/> runs.</param>
    /// <exception cref="ArgumentException"><paramref name="segments"/> is shorter than <see cref="MaximumSegmentCount"/>.</exception>
    public static int Split(in NetDmaDescriptor descriptor, Span<TransferSegment> segments)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segments.Length, MaximumSegmentCount, nameof(segments));
        var flags = descriptor.ControlFlags;
        if ((flags & (NetDmaDescriptorControlFlags.NET_DMA_SOURCE_PAGE_BREAK | NetDmaDescriptorControlFlags.NET_DMA_DESTINATION_PAGE_BREAK)) == 0)
        {
            // No page break: one run (none for a zero-length transfer), without the general split's cut points.
            if (descriptor.TransferSize == 0)
            {
                return 0;
            }

            segments[0] = new TransferSegment(descriptor.SourceAddress, descriptor.DestinationAddress, descriptor.TransferSize);
            return 1;
        }

        PhysicalAddress? nextSource = ((flags & NetDmaDescriptorControlFlags.NET_DMA_SOURCE_PAGE_BREAK) != 0) ? descriptor.NextSourceAddress : null;
        PhysicalAddress? nextDestination = ((flags & NetDmaDescriptorControlFlags.NET_DMA_DESTINATION_PAGE_BREAK) != 0) ? descriptor.NextDestinationAddress : null;
        return Split(descriptor.TransferSize, descriptor.SourceAddress, nextSource, descriptor.DestinationAddress, nextDestination, segments);
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
        Span<TransferSegment> segments = stackalloc TransferSegment[MaximumSegmentCount];
        return segments[..Split(transferSize, source, nextSource, destination, nextDestination, segments)].ToArray();
    }

    private static int Split(
        uint transferSize,
        PhysicalAddress source,
        PhysicalAddress? nextSource,
        PhysicalAddress destination,
        PhysicalAddress? nextDestination,
        Span<TransferSegment> segments)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segments.Length, MaximumSegmentCount, nameof(segments));

        // Offsets (within the transfer) where each side jumps to its second page; transferSize means "never". The
        // cuts 0 <= first <= second <= transferSize bound at most three runs; an empty run (equal cuts) is skipped.
        var sourceBreak = BreakOffset(transferSize, source, nextSource);
        var destinationBreak = BreakOffset(transferSize, destination, nextDestination);
        var first = Math.Min(sourceBreak, destinationBreak);
        var second = Math.Max(sourceBreak, destinationBreak);
        var count = 0;
        foreach (var (from, to) in (ReadOnlySpan<(uint, uint)>)[(0, first), (first, second), (second, transferSize)])
        {
            if (to > from)
            {
                segments[count++] = new TransferSegment(
                    AddressAt(from, source, nextSource, sourceBreak),
                    AddressAt(from, destination, nextDestination, destinationBreak),
                    to - from);
            }
        }

        return count;
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
