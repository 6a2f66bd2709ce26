using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.Exploration;

/// <summary>
/// The reference provider registered without its optional handlers: SuspendDma, ResumeDma, AbortDma and ResetChannel
/// are NULL, which ns-netdma-_net_dma_provider_characteristics.md allows. Not broken: the explorer must learn the
/// missing capabilities and never generate the operations.
/// </summary>
public sealed class NoOptionalHandlersProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        characteristics.SuspendDma = null;
        characteristics.ResumeDma = null;
        characteristics.AbortDma = null;
        characteristics.ResetChannel = null;
    }
}
