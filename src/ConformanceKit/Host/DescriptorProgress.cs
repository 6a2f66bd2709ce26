using System.Buffers;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Host;

/// <summary>
/// What the engine did with one submitted descriptor, as the bus shows it: whether it fetched the descriptor, which
/// bytes of its destination it wrote, when it completed it (every destination byte written; at the fetch for a
/// descriptor that moves no data), and whether a completion status named it afterwards.
/// </summary>
public sealed class DescriptorProgress
{
    /// <summary>The page size NET_DMA_SOURCE_PAGE_BREAK and NET_DMA_DESTINATION_PAGE_BREAK refer to, in bytes.</summary>
    public const ulong PageSize = 4096;

    // The written ranges, disjoint: the first inline (a descriptor's writes usually grow one range), a list only once
    // a write lands apart from it, so recording the writes of a completing descriptor allocates nothing.
    private BusRange _firstWritten;
    private bool _anyWritten;
    private List<BusRange>? _written;

    internal DescriptorProgress(PhysicalAddress address, DescriptorSpec spec)
    {
        Reuse(address, spec);
    }

    /// <summary>Makes this the record of a newly submitted descriptor: nothing fetched, written, completed or reported yet.</summary>
    internal DescriptorProgress Reuse(PhysicalAddress address, DescriptorSpec spec)
    {
        Address = address;
        Spec = spec;
        var moves = MovesData;
        SourceRanges = moves
            ? DescriptorRanges.Split(spec.Source.QuadPart, spec.NextSource.QuadPart, spec.Length, (spec.Flags & NetDmaDescriptorControlFlags.NET_DMA_SOURCE_PAGE_BREAK) != 0, PageSize)
            : DescriptorRanges.None;
        DestinationRanges = moves
            ? DescriptorRanges.Split(spec.Destination.QuadPart, spec.NextDestination.QuadPart, spec.Length, (spec.Flags & NetDmaDescriptorControlFlags.NET_DMA_DESTINATION_PAGE_BREAK) != 0, PageSize)
            : DescriptorRanges.None;
        (Fetched, Completed, StatusWritten, IsrCalled, DpcCalled, InterruptJudged, Abandoned) = (false, false, false, false, false, false, false);
        (LinkedAtCompletions, CompletionNumber) = (null, 0);
        (_firstWritten, _anyWritten) = (default, false);
        _written?.Clear();
        _reported?.Clear();
        return this;
    }

    /// <summary>The record's channel was freed: the source image it may still hold goes back to the shared pool.</summary>
    internal void Release()
    {
        if (SourceImage is { } image)
        {
            ArrayPool<byte>.Shared.Return(image);
            (SourceImage, SourceImageLength) = (null, 0);
        }
    }

    /// <summary>
    /// Where the descriptor's address first appears among the channel's submissions (<see cref="EngineProgress.Descriptors"/>'
    /// order): lists of pending descriptors are put back in this order, so reports come out as they always did.
    /// </summary>
    internal int Order { get; set; }

    /// <summary>The descriptor's physical address.</summary>
    public PhysicalAddress Address { get; private set; }

    /// <summary>What NetDMA wrote in it.</summary>
    public DescriptorSpec Spec { get; private set; }

    /// <summary>ControlFlags.</summary>
    public NetDmaDescriptorControlFlags Flags => Spec.Flags;

    /// <summary>
    /// False for a descriptor that moves no data: NET_DMA_NULL_TRANSFER, a NET_DMA_OP_TYPE_CONTEXT_CHANGE descriptor
    /// (its TransferSize is a DCA context) or TransferSize 0 (ns-netdma-_net_dma_descriptor.md).
    /// </summary>
    public bool MovesData => ((Flags & NetDmaDescriptorControlFlags.NET_DMA_NULL_TRANSFER) == 0) && !IsContextChange && Spec.Length > 0;

    /// <summary>True for a NET_DMA_OP_TYPE_CONTEXT_CHANGE descriptor.</summary>
    public bool IsContextChange =>
        (Flags & NetDmaDescriptorControlFlags.NET_DMA_OP_TYPE_MASK) == NetDmaDescriptorControlFlags.NET_DMA_OP_TYPE_CONTEXT_CHANGE;

    /// <summary>True when a page-break flag is set (NetDMA 2.0).</summary>
    public bool HasPageBreak => (Flags & (NetDmaDescriptorControlFlags.NET_DMA_SOURCE_PAGE_BREAK | NetDmaDescriptorControlFlags.NET_DMA_DESTINATION_PAGE_BREAK)) != 0;

    /// <summary>Where the engine reads the data: SourceAddress to the end of its page, then NextSourceAddress with a source page break.</summary>
    public DescriptorRanges SourceRanges { get; private set; }

    /// <summary>Where the engine writes the data, split the same way with a destination page break.</summary>
    public DescriptorRanges DestinationRanges { get; private set; }

    /// <summary>True once the engine read the descriptor.</summary>
    public bool Fetched { get; internal set; }

    /// <summary>True once the engine completed it (all of its destination written; fetched, for one that moves no data).</summary>
    public bool Completed { get; internal set; }

    /// <summary>
    /// The channel's completion count once the provider had this descriptor: at the ProviderStartDma call that
    /// submitted it, or when the ProviderAppendDma that appended it returned; null while that append still runs.
    /// </summary>
    public long? LinkedAtCompletions { get; internal set; }

    /// <summary>The channel's completion count when the engine completed this descriptor (1 for the first), or 0.</summary>
    public long CompletionNumber { get; internal set; }

    /// <summary>True once a completion status write named this descriptor after it completed.</summary>
    public bool StatusWritten { get; internal set; }

    /// <summary>True when ControlFlags ask for an interrupt after the descriptor is processed (NET_DMA_INTERRUPT_ON_COMPLETION).</summary>
    public bool InterruptRequested => ((Flags & NetDmaDescriptorControlFlags.NET_DMA_INTERRUPT_ON_COMPLETION) != 0);

    /// <summary>True once the provider called NetDmaIsr for the channel after this descriptor completed (NDMA3014).</summary>
    public bool IsrCalled { get; internal set; }

    /// <summary>True once the provider called NetDmaInterruptDpc for the channel after that NetDmaIsr (NDMA3014).</summary>
    public bool DpcCalled { get; internal set; }

    /// <summary>True once the end of a <c>run</c> judged whether its interrupt reached NetDmaIsr and the DPC (NDMA3014).</summary>
    internal bool InterruptJudged { get; set; }

    /// <summary>True when a later start, abort or reset dropped it before it completed: its accesses are no longer attributed to it.</summary>
    public bool Abandoned { get; internal set; }

    /// <summary>The source bytes as memory held them when the engine fetched the descriptor (NDMA5004), or null.</summary>
    internal byte[]? SourceImage { get; set; }

    /// <summary>How many bytes of <see cref="SourceImage"/> (an array rented from the shared pool) are the image.</summary>
    internal int SourceImageLength { get; set; }

    /// <summary>Rules already reported for this descriptor, so one bug gives one report per descriptor.</summary>
    internal HashSet<string> Reported => _reported ??= new(StringComparer.Ordinal);

    /// <summary>True when rule <paramref name="id"/> was reported about this descriptor (asking builds no set).</summary>
    internal bool HasReported(string id) => _reported?.Contains(id) == true;

    // Made at the first report about the descriptor: most descriptors never have one.
    private HashSet<string>? _reported;

    /// <summary>Destination bytes written so far.</summary>
    public ulong BytesWritten
    {
        get
        {
            // A loop: this is asked at every device write of the descriptor.
            if (_written is null)
            {
                return _anyWritten ? _firstWritten.Length : 0;
            }

            var total = 0UL;
            foreach (var range in _written)
            {
                total += range.Length;
            }

            return total;
        }
    }

    /// <summary>True while the engine has fetched it, has not completed it and it was not dropped.</summary>
    public bool InFlight => Fetched && !Completed && !Abandoned && MovesData;

    /// <summary>Records a device write of [<paramref name="start"/>, <paramref name="end"/>); true when it completed the descriptor.</summary>
    internal bool RecordWrite(ulong start, ulong end)
    {
        for (var i = 0; i < DestinationRanges.Count; i++)
        {
            var range = DestinationRanges[i];
            if (range.Overlaps(start, end))
            {
                Add(Math.Max(start, range.Start), Math.Min(end, range.End));
            }
        }

        return BytesWritten >= Spec.Length;
    }

    /// <summary>A short description for reports: <c>the descriptor at 0x... (src 0x...-0x..., 512 bytes)</c>.</summary>
    public string Describe() => $"the descriptor at {Address}";

    private void Add(ulong start, ulong end)
    {
        // Merge into the disjoint sorted list of written ranges.
        var merged = new BusRange(start, end - start);
        if (_written is null)
        {
            if (!_anyWritten || (_firstWritten.Start <= merged.End && merged.Start <= _firstWritten.End))
            {
                var from = _anyWritten ? Math.Min(_firstWritten.Start, merged.Start) : merged.Start;
                var to = _anyWritten ? Math.Max(_firstWritten.End, merged.End) : merged.End;
                _firstWritten = new BusRange(from, to - from);
                _anyWritten = true;
                return;
            }

            _written = [_firstWritten];
        }

        for (var i = _written.Count - 1; i >= 0; i--)
        {
            var r = _written[i];
            if (r.Start <= merged.End && merged.Start <= r.End)
            {
                var s = Math.Min(r.Start, merged.Start);
                merged = new BusRange(s, Math.Max(r.End, merged.End) - s);
                _written.RemoveAt(i);
            }
        }

        _written.Add(merged);
    }
}
