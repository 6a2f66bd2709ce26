using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA5003: ProviderFreeDmaChannel releases the channel twice (a cleanup path and the normal path both run),
/// so the channel's context block goes back to the pool twice.
/// </summary>
public sealed class DoubleFreeChannelProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var free = characteristics.FreeDmaChannel!;
        characteristics.FreeDmaChannel = context =>
        {
            free(context);
            free(context);
        };
    }
}
