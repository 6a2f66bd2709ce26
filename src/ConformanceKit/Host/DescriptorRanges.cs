namespace NetDma.ConformanceKit.Host;

/// <summary>
/// The bus ranges one side (source or destination) of a NET_DMA_DESCRIPTOR covers, in transfer order: one range, or two
/// when a NetDMA 2.0 page break continues the transfer at NextSourceAddress/NextDestinationAddress after the end of the
/// first page (ns-netdma-_net_dma_descriptor.md); none for a descriptor that moves no data. A value of at most two
/// ranges, so recording a submitted descriptor allocates no array.
/// </summary>
public readonly struct DescriptorRanges
{
    private readonly BusRange _first;
    private readonly BusRange _second;

    private DescriptorRanges(BusRange first, BusRange second, int count)
    {
        (_first, _second, Count) = (first, second, count);
    }

    /// <summary>No range: the descriptor moves no data.</summary>
    public static DescriptorRanges None => default;

    /// <summary>How many ranges: 0, 1 or 2.</summary>
    public int Count { get; }

    /// <summary>Range <paramref name="index"/>, in transfer order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public BusRange this[int index] => (uint)index < (uint)Count
        ? (index == 0 ? _first : _second)
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"a descriptor side has {Count} range(s)");

    /// <summary>
    /// The ranges of <paramref name="length"/> bytes starting at <paramref name="start"/>: with a page break, up to the
    /// end of <paramref name="start"/>'s page of <paramref name="pageSize"/> bytes, the rest at <paramref name="next"/>.
    /// </summary>
    public static DescriptorRanges Split(ulong start, ulong next, uint length, bool pageBreak, ulong pageSize)
    {
        var first = pageBreak ? Math.Min(length, pageSize - (start % pageSize)) : length;
        return first == length
            ? new DescriptorRanges(new BusRange(start, length), default, 1)
            : new DescriptorRanges(new BusRange(start, first), new BusRange(next, length - first), 2);
    }

    /// <summary>The total bytes of the ranges.</summary>
    public ulong TotalLength => (Count > 0 ? _first.Length : 0) + (Count > 1 ? _second.Length : 0);
}
