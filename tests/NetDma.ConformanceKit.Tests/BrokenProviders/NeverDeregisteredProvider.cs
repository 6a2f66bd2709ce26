using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3050: handles IRP_MN_REMOVE_DEVICE (it stops the provider and frees what it allocated) but never calls
/// NetDmaDeregisterProvider, so NetDMA still holds a registration for a device that is gone.
/// </summary>
public sealed class NeverDeregisteredProvider : BrokenNetDmaProvider
{
    protected override INetDma WrapNetDma(INetDma netDma) => new Interceptor(netDma);

    private sealed class Interceptor(INetDma inner) : CharacteristicsInterceptor(inner, _ => { })
    {
        public override void NetDmaDeregisterProvider(NetDmaProviderHandle NetDmaProviderHandle)
        {
        }
    }
}
