namespace NetDma.ReferenceProvider.NetDma;

/// <summary>
/// A NetDMA version as NetDmaGetVersion packs it: the major number in the high 16 bits, the minor number in the low
/// 16 bits (0x00020000 is 2.0). Source: nf-netdma-netdmagetversion.md.
/// </summary>
/// <param name="Major">Major version number.</param>
/// <param name="Minor">Minor version number.</param>
public readonly record struct NetDmaVersion(ushort Major, ushort Minor) : IComparable<NetDmaVersion>
{
    /// <summary>
    /// NetDMA 1.0, the version of an interface that does not export NetDmaGetVersion: "If the provider driver cannot
    /// get the address of NetDmaGetVersion, the supported NetDMA interface must be version 1.0" (nf-netdma-netdmagetversion.md).
    /// </summary>
    public static NetDmaVersion V1_0 => new(1, 0);

    /// <summary>NetDMA 2.0, the newest version the pages describe and the highest the reference provider implements.</summary>
    public static NetDmaVersion V2_0 => new(2, 0);

    /// <summary>Splits a packed version: <c>(major &lt;&lt; 16) | minor</c>.</summary>
    /// <param name="packed">The value NetDmaGetVersion returned.</param>
    public static NetDmaVersion FromPacked(uint packed) => new((ushort)(packed >> 16), (ushort)(packed & 0xFFFF));

    /// <summary>The packed form: <c>(major &lt;&lt; 16) | minor</c>.</summary>
    public uint Packed => ((uint)Major << 16) | Minor;

    /// <summary>
    /// True from NetDMA 2.0 on, where a chain is not NULL-terminated and its length is the DescriptorCount of
    /// ProviderStartDma / ProviderAppendDma (nc-netdma-dma_start_handler.md, nc-netdma-dma_append_handler.md).
    /// </summary>
    public bool ChainsAreCounted => this >= V2_0;

    /// <summary>
    /// The version a provider registers with: the lower of the interface's version and the highest version the
    /// provider implements, because a provider "must register ... with a version equal to or lower than" the
    /// interface's (nf-netdma-netdmagetversion.md; rule NDMA3011).
    /// </summary>
    /// <param name="interfaceVersion">What NetDmaGetVersion reported.</param>
    /// <param name="highestImplemented">The newest version the provider implements.</param>
    public static NetDmaVersion ForRegistration(NetDmaVersion interfaceVersion, NetDmaVersion highestImplemented) =>
        interfaceVersion <= highestImplemented ? interfaceVersion : highestImplemented;

    /// <summary>
    /// The <c>MajorVersion</c> and <c>MinorVersion</c> bytes of NET_DMA_PROVIDER_CHARACTERISTICS. A number above 255
    /// (which no NetDMA version has) is clamped to 255, which keeps the registered version no higher than this one.
    /// </summary>
    public (byte MajorVersion, byte MinorVersion) ToCharacteristicsBytes() =>
        ((byte)Math.Min(Major, byte.MaxValue), (byte)Math.Min(Minor, byte.MaxValue));

    /// <inheritdoc/>
    public int CompareTo(NetDmaVersion other) => Packed.CompareTo(other.Packed);

    /// <summary>True when <paramref name="left"/> is an older version than <paramref name="right"/>.</summary>
    public static bool operator <(NetDmaVersion left, NetDmaVersion right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> is newer than <paramref name="right"/>.</summary>
    public static bool operator >(NetDmaVersion left, NetDmaVersion right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> is not newer than <paramref name="right"/>.</summary>
    public static bool operator <=(NetDmaVersion left, NetDmaVersion right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> is not older than <paramref name="right"/>.</summary>
    public static bool operator >=(NetDmaVersion left, NetDmaVersion right) => left.CompareTo(right) >= 0;

    /// <inheritdoc/>
    public override string ToString() => $"{Major}.{Minor}";
}
