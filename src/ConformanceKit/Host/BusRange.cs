namespace NetDma.ConformanceKit.Host;

/// <summary>A range of physical addresses: <see cref="Length"/> bytes from <see cref="Start"/>.</summary>
/// <param name="Start">Physical address of the first byte.</param>
/// <param name="Length">Bytes in the range.</param>
public readonly record struct BusRange(ulong Start, ulong Length)
{
    /// <summary>One past the last byte.</summary>
    public ulong End => Start + Length;

    /// <summary>True when the two ranges share at least one byte.</summary>
    public bool Overlaps(ulong start, ulong end) => Length > 0 && start < End && end > Start;

    /// <summary>True when [<paramref name="start"/>, <paramref name="end"/>) lies inside this range.</summary>
    public bool Contains(ulong start, ulong end) => start >= Start && end <= End;

    /// <inheritdoc/>
    public override string ToString() => Length == 0 ? $"0x{Start:X16}, 0 bytes" : $"0x{Start:X16}-0x{End - 1:X16}";
}
