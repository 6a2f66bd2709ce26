using CsCheck;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.ReferenceProvider.NetDma;

namespace NetDma.ConformanceKit.Tests.ReferenceProvider;

public sealed class TransferSegmentationTests
{
    private static PhysicalAddress Pa(ulong value) => new(value);

    [Fact]
    public void Split_without_page_break_flags_is_one_segment_even_across_pages()
    {
        var descriptor = new NetDmaDescriptor
        {
            TransferSize = 10_000,
            SourceAddress = Pa(0x1_0800),
            DestinationAddress = Pa(0x9_0000),
            Reserved1 = 0x5_0000,
            Reserved2 = 0x6_0000,
        };

        Assert.Equal([new TransferSegment(Pa(0x1_0800), Pa(0x9_0000), 10_000)], TransferSegmentation.Split(descriptor));
    }

    [Fact]
    public void Split_zero_length_transfer_has_no_segment()
    {
        Assert.Empty(TransferSegmentation.Split(0, Pa(0x1000), Pa(0x8000), Pa(0x2000), null));
    }

    [Fact]
    public void Split_source_page_break_continues_the_source_at_NextSourceAddress_after_its_first_page()
    {
        var descriptor = new NetDmaDescriptor
        {
            TransferSize = 3000,
            ControlFlags = NetDmaDescriptorControlFlags.NET_DMA_SOURCE_PAGE_BREAK,
            SourceAddress = Pa(0x1_0F00),       // 256 bytes before the end of its page
            DestinationAddress = Pa(0x9_0000),
            Reserved1 = 0x5_0000,               // NextSourceAddress
        };

        Assert.Equal(
            [
                new TransferSegment(Pa(0x1_0F00), Pa(0x9_0000), 256),
                new TransferSegment(Pa(0x5_0000), Pa(0x9_0100), 2744),
            ],
            TransferSegmentation.Split(descriptor));
    }

    [Fact]
    public void Split_both_page_breaks_cut_at_each_sides_own_page_end()
    {
        var descriptor = new NetDmaDescriptor
        {
            TransferSize = 4096,
            ControlFlags = NetDmaDescriptorControlFlags.NET_DMA_SOURCE_PAGE_BREAK | NetDmaDescriptorControlFlags.NET_DMA_DESTINATION_PAGE_BREAK,
            SourceAddress = Pa(0x1_0C00),       // source page ends after 1024 bytes
            DestinationAddress = Pa(0x2_0800),  // destination page ends after 2048 bytes
            Reserved1 = 0x5_0000,
            Reserved2 = 0x6_0000,
        };

        Assert.Equal(
            [
                new TransferSegment(Pa(0x1_0C00), Pa(0x2_0800), 1024),
                new TransferSegment(Pa(0x5_0000), Pa(0x2_0C00), 1024),
                new TransferSegment(Pa(0x5_0400), Pa(0x6_0000), 2048),
            ],
            TransferSegmentation.Split(descriptor));
    }

    [Fact]
    public void Split_page_break_flag_is_unused_when_the_transfer_ends_within_the_first_page()
    {
        var segments = TransferSegmentation.Split(4096, Pa(0x1_0000), Pa(0x5_0000), Pa(0x2_0000), Pa(0x6_0000));

        Assert.Equal([new TransferSegment(Pa(0x1_0000), Pa(0x2_0000), 4096)], segments);
    }

    [Fact]
    public void Split_covers_every_byte_once_in_order_and_never_runs_past_a_breaking_sides_first_page()
    {
        var side = Gen.Select(Gen.ULong[0, 1UL << 40], Gen.Bool, (start, breaks) => (Start: start, Breaks: breaks));
        Gen.Select(Gen.UInt[0, 3 * 4096], side, side, (size, source, destination) => (size, source, destination))
            .Sample((size, source, destination) =>
            {
                const ulong nextSource = 1UL << 50;
                const ulong nextDestination = 1UL << 51;
                var segments = TransferSegmentation.Split(
                    size,
                    Pa(source.Start),
                    source.Breaks ? Pa(nextSource) : null,
                    Pa(destination.Start),
                    destination.Breaks ? Pa(nextDestination) : null);

                Assert.Equal(size, (uint)segments.Sum(s => (long)s.Length));
                Assert.All(segments, s => Assert.True(s.Length > 0));

                uint offset = 0;
                foreach (var segment in segments)
                {
                    Assert.Equal(Expected(source.Start, source.Breaks, nextSource, offset), segment.Source.QuadPart);
                    Assert.Equal(Expected(destination.Start, destination.Breaks, nextDestination, offset), segment.Destination.QuadPart);
                    offset += segment.Length;
                }
            });

        static ulong Expected(ulong start, bool breaks, ulong next, uint offset)
        {
            var firstPage = 4096 - (start % 4096);
            return breaks && offset >= firstPage ? next + (offset - firstPage) : start + offset;
        }
    }
}
