namespace NetDma.ConformanceKit.Running;

/// <summary>
/// The deterministic bytes of a <c>fill=pattern</c> buffer: derived from the buffer's name (FNV-1a) so two buffers
/// never hold the same bytes and a copy to the wrong place shows.
/// </summary>
/// <remarks>
/// The generator is a serial chain (one xorshift32 step per byte), about 0.1 ms for 64 KiB: about a tenth of a
/// sequential run of the schedule benchmark's case, paid again by every schedule and every explored case that declares
/// the buffer (docs/performance.md). The bytes of a name only ever extend (a shorter pattern is a prefix of a longer one), so the
/// longest pattern made so far of a few recent names is kept and copied out; memory stays bounded
/// (<see cref="CachedNames"/> names of at most <see cref="CachedLength"/> bytes) whatever a run declares.
/// </remarks>
public static class BufferPattern
{
    /// <summary>Names whose pattern is kept.</summary>
    private const int CachedNames = 8;

    /// <summary>Longest pattern kept, in bytes (1 MiB); longer ones are made each time.</summary>
    private const int CachedLength = 1 << 20;

    private static readonly Dictionary<string, byte[]> s_cache = new(StringComparer.Ordinal);
    private static readonly Lock s_gate = new();

    /// <summary>The first <paramref name="length"/> pattern bytes of buffer <paramref name="name"/>, in a new array.</summary>
    public static byte[] For(string name, int length)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length > CachedLength)
        {
            return Generate(name, length);
        }

        lock (s_gate)
        {
            if (!s_cache.TryGetValue(name, out var kept) || kept.Length < length)
            {
                if (s_cache.Count >= CachedNames && kept is null)
                {
                    s_cache.Clear();
                }

                kept = Generate(name, length);
                s_cache[name] = kept;
            }

            return kept.AsSpan(0, length).ToArray();
        }
    }

    private static byte[] Generate(string name, int length)
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
