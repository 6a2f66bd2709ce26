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
    /// <summary>The largest buffer a script may declare: 16 MiB.</summary>
    public const ulong MaxSize = 16UL * 1024 * 1024;
}
