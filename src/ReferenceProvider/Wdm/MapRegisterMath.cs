using NetDma.Contracts.Platform;

namespace NetDma.ReferenceProvider.Wdm;

/// <summary>
/// Map-register arithmetic for packet-based bus-master DMA: one map register maps one 4096-byte page, a transfer
/// needs as many as the pages it spans (<c>ADDRESS_AND_SIZE_TO_SPAN_PAGES</c>), and one AllocateAdapterChannel may
/// ask for no more than the maximum IoGetDmaAdapter returned, so longer transfers are split into pieces
/// (nc-wdm-pallocate_adapter_channel.md, nf-wdm-iogetdmaadapter.md, nc-wdm-pmap_transfer.md; rule NDMA4003).
/// </summary>
public static class MapRegisterMath
{
    /// <summary>Page size in bytes; one map register per page.</summary>
    public const uint PageSize = 4096;

    /// <summary>
    /// <c>ADDRESS_AND_SIZE_TO_SPAN_PAGES(Va, Size)</c>: the pages, hence map registers, that <paramref name="length"/>
    /// bytes starting at <paramref name="virtualAddress"/> touch. 0 for a zero length.
    /// </summary>
    /// <param name="virtualAddress">First byte of the range.</param>
    /// <param name="length">Length of the range in bytes.</param>
    public static uint SpanPages(VirtualAddress virtualAddress, uint length)
    {
        if (length == 0)
        {
            return 0;
        }

        var offsetInPage = virtualAddress.Value % PageSize;
        return (uint)((offsetInPage + length + PageSize - 1) / PageSize);
    }

    /// <summary>
    /// The longest piece, at most <paramref name="remaining"/> bytes, starting at <paramref name="virtualAddress"/>,
    /// that spans at most <paramref name="maximumMapRegisters"/> pages.
    /// </summary>
    /// <param name="virtualAddress">First byte of the piece.</param>
    /// <param name="remaining">Bytes of the request not yet transferred.</param>
    /// <param name="maximumMapRegisters">The map-register maximum IoGetDmaAdapter returned (at least 1).</param>
    public static uint PieceLength(VirtualAddress virtualAddress, uint remaining, uint maximumMapRegisters)
    {
        ArgumentOutOfRangeException.ThrowIfZero(maximumMapRegisters);
        var reachable = ((ulong)maximumMapRegisters * PageSize) - (virtualAddress.Value % PageSize);
        return (uint)Math.Min(remaining, reachable);
    }
}
