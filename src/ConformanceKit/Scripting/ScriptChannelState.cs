namespace NetDma.ConformanceKit.Scripting;

/// <summary>What the script has done so far to one channel name.</summary>
/// <param name="AllocatedAt">The latest <c>allocate</c> of the name.</param>
/// <param name="FreedAt">The <c>free</c> (or <c>stop_device</c>/<c>remove_device</c>) after it, or null while the channel is allocated.</param>
/// <param name="NeedsStart">
/// The latest <c>allocate</c>, <c>abort</c> or <c>reset</c> when no <c>start</c> followed it: NetDMA calls
/// ProviderStartDma, not ProviderAppendDma, after those (nc-netdma-dma_append_handler.md, nc-netdma-dma_abort_handler.md);
/// null once the channel has been started.
/// </param>
internal sealed record ScriptChannelState(
    SourceLocation AllocatedAt, SourceLocation? FreedAt, (string Keyword, SourceLocation Location)? NeedsStart)
{
    /// <summary>
    /// The <c>assert_status</c> of a failure right after the latest <c>allocate</c> (under a fault, docs/faults.md), or
    /// null: the script knows the allocation failed, so it may allocate the name again.
    /// </summary>
    public SourceLocation? AllocationFailedAt { get; init; }
}
