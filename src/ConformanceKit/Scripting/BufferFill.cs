namespace NetDma.ConformanceKit.Scripting;

/// <summary>The initial contents of a buffer: <c>fill=zero</c>, <c>fill=pattern</c> or <c>fill=&lt;byte&gt;</c>.</summary>
/// <param name="Kind">Zero, pattern or a repeated byte.</param>
/// <param name="Value">The repeated byte when <paramref name="Kind"/> is <see cref="BufferFillKind.Byte"/>; 0 otherwise.</param>
public readonly record struct BufferFill(BufferFillKind Kind, byte Value)
{
    /// <summary><c>fill=zero</c>, the default.</summary>
    public static BufferFill Zero { get; } = new(BufferFillKind.Zero, 0);

    /// <summary><c>fill=pattern</c>.</summary>
    public static BufferFill Pattern { get; } = new(BufferFillKind.Pattern, 0);

    /// <summary><c>fill=0xAB</c>: every byte is <paramref name="value"/>.</summary>
    /// <param name="value">The byte.</param>
    public static BufferFill Byte(byte value) => new(BufferFillKind.Byte, value);

    /// <summary>The script syntax of the option value: <c>zero</c>, <c>pattern</c> or <c>0xAB</c>.</summary>
    public override string ToString() => Kind switch
    {
        BufferFillKind.Zero => "zero",
        BufferFillKind.Pattern => "pattern",
        _ => $"0x{Value:X2}",
    };
}
