using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3014: its ISR calls NetDmaIsr and queues the DPC, but the DPC's NetDmaInterruptDpc call is dropped, so
/// NetDMA never hears that the NET_DMA_INTERRUPT_ON_COMPLETION descriptor's transfer is done.
/// </summary>
public sealed class DpcWithoutNetDmaInterruptDpcProvider : BrokenNetDmaProvider
{
    protected override INetDma WrapNetDma(INetDma netDma) => new SilentDpc(netDma);

    private sealed class SilentDpc(INetDma inner) : CharacteristicsInterceptor(inner, _ => { })
    {
        public override void NetDmaInterruptDpc(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress? DmaDescriptor)
        {
        }
    }
}
