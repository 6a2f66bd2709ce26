namespace NetDma.Contracts.NetDma;

/// <summary>
/// The handle NetDMA passes at <c>NetDmaChannelHandle</c> of ProviderAllocateDmaChannel; the provider passes it to
/// NetDmaIsr and NetDmaInterruptDpc for that channel. Opaque. Source: nc-netdma-dma_channel_allocate_handler.md.
/// </summary>
/// <param name="Value">The opaque handle value; 0 is never a valid handle.</param>
public readonly record struct NetDmaChannelHandle(ulong Value)
{
    /// <summary>True for the zero (never assigned) handle.</summary>
    public bool IsNull => Value == 0;

    /// <inheritdoc/>
    public override string ToString() => $"channel#{Value}";
}
