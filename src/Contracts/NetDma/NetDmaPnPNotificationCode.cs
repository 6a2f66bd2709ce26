using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>NET_DMA_PNP_NOTIFICATION_CODE</c>: the event in a NET_DMA_PNP_NOTIFICATION. Providers send only the power codes;
/// the others are NetDMA's own. Source: ne-netdma-_net_dma_pnp_notification_code.md.
/// </summary>
[DdiEnum("NET_DMA_PNP_NOTIFICATION_CODE", "netdma.h", "ne-netdma-_net_dma_pnp_notification_code.md")]
public enum NetDmaPnPNotificationCode
{
    /// <summary>A provider registered (NetDMA's own; not sent by providers).</summary>
    NetDmaNotificationProviderRegistered = 1,

    /// <summary>A provider is ready for use (NetDMA's own).</summary>
    NetDmaNotificationProviderArrival,

    /// <summary>A provider is about to be removed (NetDMA's own).</summary>
    NetDmaNotificationProviderRemoval,

    /// <summary>A channel became available (NetDMA's own).</summary>
    NetDmaNotificationChannelArrival,

    /// <summary>The provider's device is going to D3.</summary>
    NetDmaNotificationProviderPowerDown,

    /// <summary>The provider's device is back in D0.</summary>
    NetDmaNotificationProviderPowerUp,

    /// <summary>One past the last code; not a valid event.</summary>
    NetDmaNotificationMax,
}
