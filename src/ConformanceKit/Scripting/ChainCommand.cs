namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>chain c1 src+0-&gt;dst+0:512 null interrupt=last status=on serialize=off</c>: declare a chain of NET_DMA_DESCRIPTORs (ns-netdma-_net_dma_descriptor.md) that <c>start</c> and <c>append</c> submit.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Name">The chain's name (unique among buffers and chains).</param>
/// <param name="Descriptors">The descriptors in chain order, at least one.</param>
/// <param name="Interrupt">Which descriptors set NET_DMA_INTERRUPT_ON_COMPLETION (default <see cref="InterruptMode.Last"/>).</param>
/// <param name="StatusUpdate">Whether every descriptor sets NET_DMA_STATUS_UPDATE_ON_COMPLETION (default on).</param>
public sealed record ChainCommand(SourceLocation Location, string Name, IReadOnlyList<CopyDescriptor> Descriptors, InterruptMode Interrupt, bool StatusUpdate)
    : ScriptCommand(Location)
{
    /// <summary>Whether every descriptor sets NET_DMA_SERIALIZE_TRANSFER (<c>serialize=on</c>; default off).</summary>
    public bool Serialize { get; init; }

    /// <summary>Equal when the names, options and descriptor sequences are equal.</summary>
    /// <param name="other">The chain to compare with.</param>
    public bool Equals(ChainCommand? other) =>
        other is not null && base.Equals(other) && Name == other.Name && Interrupt == other.Interrupt
        && StatusUpdate == other.StatusUpdate && Serialize == other.Serialize && Descriptors.SequenceEqual(other.Descriptors);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Name, Descriptors.Count, Interrupt, StatusUpdate);
}
