using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>NET_DMA_PNP_NOTIFICATION</c>: a power event a provider reports with NetDmaPnPEventNotify.
/// Source: ns-netdma-_net_dma_pnp_notification.md.
/// </summary>
[DdiStruct("NET_DMA_PNP_NOTIFICATION", "netdma.h", "ns-netdma-_net_dma_pnp_notification.md")]
public sealed class NetDmaPnPNotification
{
    /// <summary><c>NET_DMA_PNP_NOTIFICATION_REVISION_1</c>.</summary>
    public const uint NET_DMA_PNP_NOTIFICATION_REVISION_1 = 1;

    /// <summary>Size of the structure in bytes on x64.</summary>
    public const uint SIZEOF_NET_DMA_PNP_NOTIFICATION = 32;

    /// <summary>Structure revision: <see cref="NET_DMA_PNP_NOTIFICATION_REVISION_1"/>.</summary>
    [DdiField(1)]
    public uint StructureRevision { get; set; } = NET_DMA_PNP_NOTIFICATION_REVISION_1;

    /// <summary>Size of the structure in bytes.</summary>
    [DdiField(2)]
    public uint StructureSize { get; set; } = SIZEOF_NET_DMA_PNP_NOTIFICATION;

    /// <summary>The event: NetDmaNotificationProviderPowerDown or NetDmaNotificationProviderPowerUp from a provider.</summary>
    [DdiField(3)]
    public NetDmaPnPNotificationCode NotificationCode { get; set; }

    /// <summary>Event-specific data, or <see langword="null"/>.</summary>
    [DdiField(4)]
    public byte[]? Buffer { get; set; }

    /// <summary>Length of <see cref="Buffer"/> in bytes.</summary>
    [DdiField(5)]
    public uint BufferLength { get; set; }
}
