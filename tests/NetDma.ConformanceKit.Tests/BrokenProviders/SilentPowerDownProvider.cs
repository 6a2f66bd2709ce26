using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3020: handles IRP_MN_SET_POWER(PowerDeviceD3) without NetDmaNotificationProviderPowerDown, so the device
/// leaves D0 while NetDMA still uses the provider. PowerUp is still reported.
/// </summary>
public sealed class SilentPowerDownProvider : BrokenNetDmaProvider
{
    protected override INetDma WrapNetDma(INetDma netDma) => new Interceptor(netDma);

    private sealed class Interceptor(INetDma inner) : CharacteristicsInterceptor(inner, _ => { })
    {
        public override void NetDmaPnPEventNotify(NetDmaProviderHandle NetDmaProviderHandle, NetDmaPnPNotification PnPEvent)
        {
            if (PnPEvent.NotificationCode != NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerDown)
            {
                Inner.NetDmaPnPEventNotify(NetDmaProviderHandle, PnPEvent);
            }
        }
    }
}
