namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// One <c>NET_DMA_DESCRIPTOR</c> of a chain (ns-netdma-_net_dma_descriptor.md): copy <see cref="Length"/> bytes
/// (TransferSize) from <see cref="Source"/> to <see cref="Destination"/>. Written <c>src+0-&gt;dst+0:512</c>;
/// the word <c>null</c> is a descriptor with <c>NET_DMA_NULL_TRANSFER</c> set (see <see cref="IsNullTransfer"/>).
/// </summary>
/// <param name="Source">Where the bytes are read (SourceAddress).</param>
/// <param name="Destination">Where the bytes are written (DestinationAddress).</param>
/// <param name="Length">TransferSize in bytes, at least 1.</param>
public readonly record struct CopyDescriptor(BufferRef Source, BufferRef Destination, uint Length)
{
    /// <summary>
    /// True for a <c>NET_DMA_NULL_TRANSFER</c> descriptor: no data moves and the engine need not read TransferSize,
    /// SourceAddress or DestinationAddress. Such a descriptor has empty buffer names and length 0.
    /// </summary>
    public bool IsNullTransfer { get; init; }

    /// <summary>
    /// With a source page break (NetDMA 2.0, <c>src+3584/src2+0-&gt;...</c>): NextSourceAddress, where the copy
    /// continues once it reaches the end of the source's first 4096-byte page (NET_DMA_SOURCE_PAGE_BREAK); else null.
    /// </summary>
    public BufferRef? NextSource { get; init; }

    /// <summary>With a destination page break: NextDestinationAddress (NET_DMA_DESTINATION_PAGE_BREAK); else null.</summary>
    public BufferRef? NextDestination { get; init; }

    /// <summary>
    /// For a DCA context change descriptor (<c>context:3</c>, NET_DMA_OP_TYPE_CONTEXT_CHANGE): the DCAContext8 value,
    /// the APIC identifier of the channel's DCA target processor; else null.
    /// </summary>
    public byte? ContextChange { get; init; }

    /// <summary>A NET_DMA_OP_TYPE_CONTEXT_CHANGE descriptor carrying DCAContext8 = <paramref name="apicId"/>.</summary>
    public static CopyDescriptor ContextChangeTo(byte apicId) => new(new BufferRef("", 0), new BufferRef("", 0), 0) { ContextChange = apicId };

    /// <summary>The <c>null</c> descriptor (NET_DMA_NULL_TRANSFER).</summary>
    public static CopyDescriptor NullTransfer { get; } = new(new BufferRef("", 0), new BufferRef("", 0), 0) { IsNullTransfer = true };

    /// <summary>The script syntax: <c>src+0-&gt;dst+0:512</c>, <c>src+3584/src2+0-&gt;dst+0:1024</c>, <c>context:3</c> or <c>null</c>.</summary>
    public override string ToString() =>
        IsNullTransfer ? "null"
        : ContextChange is { } apic ? $"context:{apic}"
        : $"{Source}{(NextSource is { } s ? $"/{s}" : "")}->{Destination}{(NextDestination is { } d ? $"/{d}" : "")}:{Length}";
}
