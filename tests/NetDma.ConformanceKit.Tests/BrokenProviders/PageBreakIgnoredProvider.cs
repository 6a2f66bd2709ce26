using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA5012: a NetDMA 2.0 provider whose engine ignores NET_DMA_SOURCE_PAGE_BREAK and
/// NET_DMA_DESTINATION_PAGE_BREAK and copies contiguously from SourceAddress to DestinationAddress.
/// </summary>
public sealed class PageBreakIgnoredProvider : BrokenNetDmaProvider
{
    protected override IDeviceBus WrapBus(IDeviceBus bus) => new NoPageBreaks(bus);

    private sealed class NoPageBreaks(IDeviceBus inner) : DescriptorImageBus(inner)
    {
        protected override void Misread(Span<byte> descriptor) =>
            descriptor[4] &= unchecked((byte)~(uint)(NetDmaDescriptorControlFlags.NET_DMA_SOURCE_PAGE_BREAK | NetDmaDescriptorControlFlags.NET_DMA_DESTINATION_PAGE_BREAK));
    }
}
