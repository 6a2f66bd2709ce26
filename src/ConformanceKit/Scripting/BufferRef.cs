namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// A byte position inside a declared buffer: written <c>name</c> (offset 0) or <c>name+offset</c>.
/// </summary>
/// <param name="Buffer">The buffer's name, as declared by a <see cref="BufferCommand"/>.</param>
/// <param name="Offset">Byte offset from the start of the buffer.</param>
public readonly record struct BufferRef(string Buffer, ulong Offset)
{
    /// <summary>The script syntax: <c>name+offset</c>.</summary>
    public override string ToString() => $"{Buffer}+{Offset}";
}
