namespace NetDma.Contracts.Platform;

/// <summary>
/// A kernel virtual address (a <c>PVOID</c> into system space), in bytes. The simulated kernel maps every
/// non-paged allocation at a virtual address and a physical address of the same length.
/// </summary>
/// <param name="Value">The address in bytes.</param>
public readonly record struct VirtualAddress(ulong Value)
{
    /// <summary>The NULL pointer.</summary>
    public static VirtualAddress Null => default;

    /// <summary>True for NULL.</summary>
    public bool IsNull => Value == 0;

    /// <summary>The address <paramref name="bytes"/> bytes further on.</summary>
    public VirtualAddress Offset(ulong bytes) => new(Value + bytes);

    /// <inheritdoc/>
    public override string ToString() => $"0x{Value:X16}";
}
