namespace NetDma.Contracts.NetDma;

/// <summary>
/// The handle NetDmaRegisterProvider returns at <c>pNetDmaProviderHandle</c>; the provider passes it to every
/// <c>NetDmaXxx</c> function that names a provider. Opaque: only the NetDMA interface interprets <see cref="Value"/>.
/// Source: nf-netdma-netdmaregisterprovider.md.
/// </summary>
/// <param name="Value">The opaque handle value; 0 is never a valid handle.</param>
public readonly record struct NetDmaProviderHandle(ulong Value)
{
    /// <summary>True for the zero (never assigned) handle.</summary>
    public bool IsNull => Value == 0;

    /// <inheritdoc/>
    public override string ToString() => $"provider#{Value}";
}
