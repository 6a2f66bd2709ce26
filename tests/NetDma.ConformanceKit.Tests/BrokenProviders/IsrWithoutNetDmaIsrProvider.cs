using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3014: its ISR acknowledges the interrupt and queues the DPC but never tells NetDMA (the NetDmaIsr call
/// is dropped), so a completed NET_DMA_INTERRUPT_ON_COMPLETION descriptor never reaches NetDmaIsr. pCpuNumber comes
/// back as no active CPU, so the ISR leaves the DPC on the CpuNumber it reported at allocation.
/// </summary>
public sealed class IsrWithoutNetDmaIsrProvider : BrokenNetDmaProvider
{
    protected override INetDma WrapNetDma(INetDma netDma) => new SilentIsr(netDma);

    private sealed class SilentIsr(INetDma inner) : CharacteristicsInterceptor(inner, _ => { })
    {
        public override void NetDmaIsr(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress DmaDescriptor, out uint pCpuNumber) =>
            pCpuNumber = uint.MaxValue;
    }
}
