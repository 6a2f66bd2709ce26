using NetDma.ConformanceKit.Catalog;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Host;

// The documented field values of the structures a provider passes to NetDMA: NET_DMA_PROVIDER_CHARACTERISTICS and
// ProviderContext (NDMA3017), NET_DMA_PROVIDER_ATTRIBUTES (NDMA3018), NET_DMA_PNP_NOTIFICATION (NDMA3019). Each check
// reports and lets the call go on: NetDMA would read the structure anyway.
public sealed partial class NetDmaHost
{
    private const string CharacteristicsPage = "ns-netdma-_net_dma_provider_characteristics.md";
    private const string AttributesPage = "ns-netdma-_net_dma_provider_attributes.md";
    private const string PnPNotificationPage = "ns-netdma-_net_dma_pnp_notification.md";

    /// <summary>NET_DMA_PROVIDER_ATTRIBUTES.MaximumTransferSize: "This value can must be 4 KB or greater."</summary>
    public const uint MinimumMaximumTransferSize = 4096;

    /// <summary>
    /// The PDO the PnP manager passes to the driver's AddDevice, which NET_DMA_PROVIDER_CHARACTERISTICS.PhysicalDeviceObject
    /// must be (ns-netdma-_net_dma_provider_characteristics.md); null when the host runs without a device (host tests).
    /// </summary>
    public DeviceObject? PhysicalDeviceObject { get; set; }

    /// <summary>NDMA3017: ProviderContext and the characteristics' Size, Flags and PhysicalDeviceObject.</summary>
    private void CheckRegistrationArguments(object? providerContext, NetDmaProviderCharacteristics c, DdiContract contract)
    {
        var rule = LifecycleRules.RegistrationAsDocumented;
        Log.Checked(rule);
        if (providerContext is null)
        {
            Log.Report(rule, "a pointer to a driver-allocated context in ProviderContext", "ProviderContext = NULL", contract.Page);
        }
        else if (SystemObjectName(providerContext) is { } system)
        {
            Log.Report(rule, "a pointer to a driver-allocated context in ProviderContext", $"ProviderContext = {system}, an object of the system, not of the driver", contract.Page);
        }

        if (c.Size != NetDmaProviderCharacteristics.SIZEOF_NET_DMA_PROVIDER_CHARACTERISTICS)
        {
            Log.Report(rule, $"Size = sizeof(NET_DMA_PROVIDER_CHARACTERISTICS) = {NetDmaProviderCharacteristics.SIZEOF_NET_DMA_PROVIDER_CHARACTERISTICS}",
                $"Size = {c.Size}", CharacteristicsPage);
        }

        if (c.MajorVersion < 2 && c.Flags != 0)
        {
            Log.Report(rule, $"Flags = 0 from a NetDMA {c.MajorVersion}.{c.MinorVersion} provider (NetDMA 1.0 and 1.1 drivers set it to zero)",
                $"Flags = {Hex(c.Flags)}", CharacteristicsPage);
        }

        if (PhysicalDeviceObject is { } pdo && !ReferenceEquals(c.PhysicalDeviceObject, pdo))
        {
            Log.Report(rule, $"PhysicalDeviceObject = {pdo}, the PDO the PnP manager passed to AddDevice",
                $"PhysicalDeviceObject = {c.PhysicalDeviceObject?.ToString() ?? "NULL"}", CharacteristicsPage);
        }
    }

    /// <summary>The name of <paramref name="context"/> when it is an object the system, not the driver, allocated.</summary>
    private string? SystemObjectName(object context) =>
        ReferenceEquals(context, this) ? "the NetDMA interface"
        : ReferenceEquals(context, Kernel) ? "the kernel"
        : PhysicalDeviceObject is { } pdo && ReferenceEquals(context, pdo) ? $"the PDO {pdo}"
        : null;

    /// <summary>
    /// NDMA3017 at call time: an optional handler (ProviderSuspendDma, ProviderResumeDma, ProviderAbortDma,
    /// ProviderResetChannel) that answers "not supported" should have been a NULL entry point
    /// (netdma-provider-services.md).
    /// </summary>
    private void CheckOptionalHandlerSupported(DdiContract contract, NtStatus status)
    {
        Log.Checked(LifecycleRules.RegistrationAsDocumented);
        if (status is NtStatus.STATUS_NOT_SUPPORTED or NtStatus.STATUS_NOT_IMPLEMENTED
            && (contract == SuspendContract || contract == ResumeContract || contract == AbortContract || contract == ResetContract))
        {
            Log.Report(LifecycleRules.RegistrationAsDocumented,
                $"a NULL entry point in NET_DMA_PROVIDER_CHARACTERISTICS for {contract.Role} when the provider does not support it",
                $"{contract.Role} is set and returned {NtStatusFacts.Describe(status)}", "netdma-provider-services.md");
        }
    }

    /// <summary>NDMA3018: the attributes' Size, Flags, VendorId and MaximumTransferSize.</summary>
    private void CheckAttributes(NetDmaProviderAttributes a)
    {
        var rule = LifecycleRules.AttributesAsDocumented;
        Log.Checked(rule);
        if (a.Size != NetDmaProviderAttributes.SIZEOF_NET_DMA_PROVIDER_ATTRIBUTES)
        {
            Log.Report(rule, $"Size = sizeof(NET_DMA_PROVIDER_ATTRIBUTES) = {NetDmaProviderAttributes.SIZEOF_NET_DMA_PROVIDER_ATTRIBUTES}", $"Size = {a.Size}", AttributesPage);
        }

        if (a.Flags != 0)
        {
            Log.Report(rule, "Flags = 0 (reserved)", $"Flags = {Hex(a.Flags)}", AttributesPage);
        }

        if (a.VendorId != Options.PciVendorId)
        {
            Log.Report(rule, $"VendorId = 0x{Options.PciVendorId:X4}, the VendorID in the device's PCI configuration space",
                $"VendorId = {Hex(a.VendorId)}", AttributesPage);
        }

        if (a.MaximumTransferSize < MinimumMaximumTransferSize)
        {
            Log.Report(rule, $"MaximumTransferSize >= {MinimumMaximumTransferSize} bytes (4 KB)", $"MaximumTransferSize = {a.MaximumTransferSize}", AttributesPage);
        }
    }

    /// <summary>NDMA3019: the notification's StructureRevision, StructureSize, and Buffer/BufferLength for the power codes.</summary>
    private void CheckPnPNotification(NetDmaPnPNotification e)
    {
        var rule = LifecycleRules.PnPNotificationAsDocumented;
        Log.Checked(rule);
        if (e.StructureRevision != NetDmaPnPNotification.NET_DMA_PNP_NOTIFICATION_REVISION_1)
        {
            Log.Report(rule, $"StructureRevision = NET_DMA_PNP_NOTIFICATION_REVISION_1 ({NetDmaPnPNotification.NET_DMA_PNP_NOTIFICATION_REVISION_1})",
                $"StructureRevision = {e.StructureRevision}", PnPNotificationPage);
        }

        if (e.StructureSize != NetDmaPnPNotification.SIZEOF_NET_DMA_PNP_NOTIFICATION)
        {
            Log.Report(rule, $"StructureSize = sizeof(NET_DMA_PNP_NOTIFICATION) = {NetDmaPnPNotification.SIZEOF_NET_DMA_PNP_NOTIFICATION}",
                $"StructureSize = {e.StructureSize}", PnPNotificationPage);
        }

        if (e.NotificationCode is NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerDown or NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerUp
            && (e.Buffer is not null || e.BufferLength != 0))
        {
            Log.Report(rule, $"Buffer = NULL and BufferLength = 0 for {e.NotificationCode}",
                $"Buffer = {(e.Buffer is null ? "NULL" : $"{e.Buffer.Length} bytes")}, BufferLength = {e.BufferLength}", PnPNotificationPage);
        }
    }
}
