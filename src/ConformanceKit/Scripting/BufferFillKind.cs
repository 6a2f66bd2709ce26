namespace NetDma.ConformanceKit.Scripting;

/// <summary>How a <see cref="BufferCommand"/> initializes its bytes.</summary>
public enum BufferFillKind
{
    /// <summary><c>fill=zero</c> (the default): every byte is 0x00.</summary>
    Zero,

    /// <summary>
    /// <c>fill=pattern</c>: a deterministic byte pattern the runner derives from the buffer's name, so two buffers
    /// with different names differ and a copy can be told from a stale buffer.
    /// </summary>
    Pattern,

    /// <summary><c>fill=0xAB</c>: every byte is <see cref="BufferFill.Value"/>.</summary>
    Byte,
}
