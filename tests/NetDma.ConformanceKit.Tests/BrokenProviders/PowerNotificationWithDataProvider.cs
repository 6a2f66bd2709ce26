using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3019: its power notifications carry a 16-byte Buffer and BufferLength 16, where the page wants NULL and 0.
/// </summary>
public sealed class PowerNotificationWithDataProvider : BrokenNetDmaProvider
{
    protected override INetDma WrapNetDma(INetDma netDma) => new Interceptor(netDma);

    private sealed class Interceptor(INetDma inner) : CharacteristicsInterceptor(inner, _ => { })
    {
        public override void NetDmaPnPEventNotify(NetDmaProviderHandle NetDmaProviderHandle, NetDmaPnPNotification PnPEvent)
        {
            PnPEvent.Buffer = new byte[16];
            PnPEvent.BufferLength = 16;
            Inner.NetDmaPnPEventNotify(NetDmaProviderHandle, PnPEvent);
        }
    }
}
