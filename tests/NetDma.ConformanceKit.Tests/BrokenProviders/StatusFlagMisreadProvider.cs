using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA5007: its engine reads NET_DMA_STATUS_UPDATE_ON_COMPLETION as always set (a stuck ControlFlags bit), so
/// it writes the completion status for descriptors that did not ask for one.
/// </summary>
public sealed class StatusFlagMisreadProvider : BrokenNetDmaProvider
{
    protected override IDeviceBus WrapBus(IDeviceBus bus) => new StuckStatusBit(bus);

    private sealed class StuckStatusBit(IDeviceBus inner) : DescriptorImageBus(inner)
    {
        protected override void Misread(Span<byte> descriptor) => descriptor[4] |= (byte)NetDmaDescriptorControlFlags.NET_DMA_STATUS_UPDATE_ON_COMPLETION;
    }
}
