using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3018: reports a hard-coded NET_DMA_PROVIDER_ATTRIBUTES.VendorId (0x1414) instead of the VendorID in the
/// device's PCI configuration space.
/// </summary>
public sealed class HardCodedVendorIdProvider : BrokenNetDmaProvider
{
    public const uint HardCodedVendorId = 0x1414;

    protected override INetDma WrapNetDma(INetDma netDma) => new Interceptor(netDma);

    private sealed class Interceptor(INetDma inner) : CharacteristicsInterceptor(inner, _ => { })
    {
        public override void NetDmaProviderStart(NetDmaProviderHandle NetDmaProviderHandle, NetDmaProviderAttributes ProviderAttributes)
        {
            ProviderAttributes.VendorId = HardCodedVendorId;
            Inner.NetDmaProviderStart(NetDmaProviderHandle, ProviderAttributes);
        }
    }
}
