using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3022: its ISR passes NetDmaIsr the descriptor after the one that interrupted (an off-by-one in the
/// ring index), a descriptor the engine has not processed.
/// </summary>
public sealed class IsrOffByOneDescriptorProvider : BrokenNetDmaProvider
{
    protected override INetDma WrapNetDma(INetDma netDma) => new OffByOne(netDma);

    private sealed class OffByOne(INetDma inner) : CharacteristicsInterceptor(inner, _ => { })
    {
        public override void NetDmaIsr(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress DmaDescriptor, out uint pCpuNumber) =>
            Inner.NetDmaIsr(NetDmaChannelHandle, DmaDescriptor.Offset(NetDmaDescriptor.SizeInBytes), out pCpuNumber);
    }
}
