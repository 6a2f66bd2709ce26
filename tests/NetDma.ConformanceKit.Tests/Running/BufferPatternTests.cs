using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Tests.Running;

/// <summary>
/// <see cref="BufferPattern"/> gives every caller the same bytes for a name and length, whatever was asked before it
/// (the kept patterns are an optimization, never visible): shorter after longer, longer after shorter, more names than
/// are kept, lengths above what is kept, and a caller's writes to its array never reach the next caller.
/// </summary>
public sealed class BufferPatternTests
{
    [Fact]
    public void The_pattern_is_the_names_FNV_1a_seeded_xorshift32_low_bytes_in_any_order_of_requests()
    {
        var expected = Reference("src", 70_000);

        Assert.Equal(expected.AsSpan(0, 100).ToArray(), BufferPattern.For("src", 100));
        Assert.Equal(expected, BufferPattern.For("src", 70_000));
        Assert.Equal(expected.AsSpan(0, 4096).ToArray(), BufferPattern.For("src", 4096));
        Assert.Empty(BufferPattern.For("src", 0));
        Assert.NotEqual(BufferPattern.For("dst", 64), BufferPattern.For("src", 64));
    }

    [Fact]
    public void More_names_than_are_kept_and_patterns_longer_than_are_kept_still_give_the_same_bytes()
    {
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 20; i++)
            {
                Assert.Equal(Reference($"buffer{i}", 1000 + i), BufferPattern.For($"buffer{i}", 1000 + i));
            }
        }

        var big = (1 << 20) + 64;
        Assert.Equal(Reference("big", big), BufferPattern.For("big", big));
    }

    [Fact]
    public void A_callers_writes_to_its_pattern_do_not_reach_the_next_caller()
    {
        var first = BufferPattern.For("mutated", 256);
        var original = first.ToArray();
        Array.Fill(first, (byte)0);

        Assert.Equal(original, BufferPattern.For("mutated", 256));
    }

    // The documented algorithm, written out independently of the kit's code.
    private static byte[] Reference(string name, int length)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        var state = hash | 1;
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            bytes[i] = (byte)state;
        }

        return bytes;
    }
}
