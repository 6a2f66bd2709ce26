namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>buffer src 4096 fill=pattern</c>: declare a buffer of simulated physically contiguous memory.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Name">The buffer's name (unique among buffers and chains).</param>
/// <param name="Size">Size in bytes, 1 .. <see cref="MaxSize"/> (16 MiB).</param>
/// <param name="Fill">Initial contents (default <see cref="BufferFill.Zero"/>).</param>
public sealed record BufferCommand(SourceLocation Location, string Name, ulong Size, BufferFill Fill)
    : ScriptCommand(Location)
{
    /// <summary>The default placement alignment of a buffer's physical address, in bytes (64).</summary>
    public const ulong DefaultAlignment = 64;

    /// <summary>
    /// The alignment of the buffer's physical address in bytes, a power of two 64..4096 (<c>align=4096</c> puts the
    /// buffer at a page start, so a script can place a NET_DMA_SOURCE_PAGE_BREAK exactly).
    /// </summary>
    public ulong Alignment { get; init; } = DefaultAlignment;

    /// <summary>The largest buffer a script may declare: 16 MiB.</summary>
    public const ulong MaxSize = 16UL * 1024 * 1024;
}
