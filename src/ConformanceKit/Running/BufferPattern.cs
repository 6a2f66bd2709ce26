namespace NetDma.ConformanceKit.Running;

/// <summary>
/// The deterministic bytes of a <c>fill=pattern</c> buffer: derived from the buffer's name (FNV-1a) so two buffers
/// never hold the same bytes and a copy to the wrong place shows.
/// </summary>
public static class BufferPattern
{
    /// <summary>The first <paramref name="length"/> pattern bytes of buffer <paramref name="name"/>.</summary>
    public static byte[] For(string name, int length)
    {
        var seed = 2166136261u;
        foreach (var c in name)
        {
            seed = (seed ^ c) * 16777619u;
        }

        var bytes = new byte[length];
        var state = seed | 1;
        for (var i = 0; i < length; i++)
        {
            // xorshift32: cheap, deterministic, and no short period that would hide an offset error.
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            bytes[i] = (byte)state;
        }

        return bytes;
    }
}
