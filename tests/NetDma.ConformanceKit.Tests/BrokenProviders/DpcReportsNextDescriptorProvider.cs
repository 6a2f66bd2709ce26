using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3023: its interrupt DPC passes NetDmaInterruptDpc the descriptor after the last completed one (the
/// engine's "next to fetch" register instead of its "last processed" register).
/// </summary>
public sealed class DpcReportsNextDescriptorProvider : BrokenNetDmaProvider
{
    protected override INetDma WrapNetDma(INetDma netDma) => new NextDescriptor(netDma);

    private sealed class NextDescriptor(INetDma inner) : CharacteristicsInterceptor(inner, _ => { })
    {
        public override void NetDmaInterruptDpc(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress? DmaDescriptor) =>
            Inner.NetDmaInterruptDpc(NetDmaChannelHandle, DmaDescriptor?.Offset(NetDmaDescriptor.SizeInBytes));
    }
}
