using CsCheck;
using NetDma.Contracts.Platform;
using NetDma.ReferenceProvider.Wdm;

namespace NetDma.ConformanceKit.Tests.ReferenceProvider;

public sealed class MapRegisterMathTests
{
    [Theory]
    [InlineData(0x1000UL, 0u, 0u)]
    [InlineData(0x1000UL, 1u, 1u)]
    [InlineData(0x1000UL, 4096u, 1u)]
    [InlineData(0x1000UL, 4097u, 2u)]
    [InlineData(0x1FFFUL, 2u, 2u)]
    [InlineData(0x1800UL, 8192u, 3u)]
    public void SpanPages_counts_the_4096_byte_pages_a_range_touches(ulong va, uint length, uint pages)
    {
        Assert.Equal(pages, MapRegisterMath.SpanPages(new VirtualAddress(va), length));
    }

    [Fact]
    public void PieceLength_takes_the_whole_remainder_when_it_fits()
    {
        Assert.Equal(10_000u, MapRegisterMath.PieceLength(new VirtualAddress(0x1000), 10_000, maximumMapRegisters: 16));
    }

    [Fact]
    public void PieceLength_stops_where_the_map_registers_run_out_counting_the_first_page_offset()
    {
        // Two map registers from 0x1800: 2048 bytes of the first page plus one whole page.
        Assert.Equal(2048u + 4096u, MapRegisterMath.PieceLength(new VirtualAddress(0x1800), 100_000, maximumMapRegisters: 2));
    }

    [Fact]
    public void PieceLength_rejects_a_zero_map_register_maximum()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MapRegisterMath.PieceLength(new VirtualAddress(0), 1, 0));
    }

    [Fact]
    public void Pieces_cover_a_request_and_each_needs_at_most_the_maximum_map_registers()
    {
        Gen.Select(Gen.ULong[0, 1UL << 40], Gen.UInt[1, 1 << 20], Gen.UInt[1, 64], (va, length, maximum) => (va, length, maximum))
            .Sample((va, length, maximum) =>
            {
                uint done = 0;
                while (done < length)
                {
                    var pieceStart = new VirtualAddress(va + done);
                    var piece = MapRegisterMath.PieceLength(pieceStart, length - done, maximum);
                    Assert.True(piece > 0, "a piece must make progress");
                    var registers = MapRegisterMath.SpanPages(pieceStart, piece);
                    Assert.True(registers <= maximum, $"piece of {piece} bytes at 0x{pieceStart.Value:X} needs {registers} > {maximum} map registers");
                    done += piece;
                }

                Assert.Equal(length, done);
            });
    }
}
