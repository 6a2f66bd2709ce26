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

    /// <summary>The <c>null</c> descriptor (NET_DMA_NULL_TRANSFER).</summary>
    public static CopyDescriptor NullTransfer { get; } = new(new BufferRef("", 0), new BufferRef("", 0), 0) { IsNullTransfer = true };

    /// <summary>The script syntax: <c>src+0-&gt;dst+0:512</c> or <c>null</c>.</summary>
    public override string ToString() => IsNullTransfer ? "null" : $"{Source}->{Destination}:{Length}";
}
