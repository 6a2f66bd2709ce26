namespace NetDma.Contracts.Platform;

/// <summary>
/// <c>PHYSICAL_ADDRESS</c> (<c>LARGE_INTEGER</c>): a bus-relative byte address as a device's DMA engine sees it.
/// <see cref="Null"/> (0) is the NULL physical address that terminates NetDMA 1.x descriptor chains.
/// </summary>
/// <param name="QuadPart">The address in bytes.</param>
public readonly record struct PhysicalAddress(ulong QuadPart)
{
    /// <summary>The NULL physical address (0).</summary>
    public static PhysicalAddress Null => default;

    /// <summary>True for the NULL physical address.</summary>
    public bool IsNull => QuadPart == 0;

    /// <summary>The address <paramref name="bytes"/> bytes further on.</summary>
    public PhysicalAddress Offset(ulong bytes) => new(QuadPart + bytes);

    /// <inheritdoc/>
    public override string ToString() => $"0x{QuadPart:X16}";
}
