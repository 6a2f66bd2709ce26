namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>BUS_INTERFACE_STANDARD</c>, reduced to its configuration-space read: what the PCI bus driver returns for an
/// IRP_MN_QUERY_INTERFACE with GUID_BUS_INTERFACE_STANDARD sent to the device's PDO. The simulation hands it to
/// AddDevice with the PDO (<see cref="Platform.DriverEnvironment.BusInterface"/>) instead of modelling the query IRP.
/// A NetDMA provider reads the vendor ID it reports in NET_DMA_PROVIDER_ATTRIBUTES.VendorId from here: "This vendor ID
/// is specified in the device's PCI configuration space" (ns-netdma-_net_dma_provider_attributes.md).
/// </summary>
/// <param name="context">The bus driver's context, passed back to <paramref name="getBusData"/>.</param>
/// <param name="getBusData">The bus driver's GetBusData routine.</param>
public sealed class BusInterfaceStandard(object? context, GetSetDeviceData getBusData)
{
    /// <summary><c>PCI_WHICHSPACE_CONFIG</c>: the <c>DataType</c> of the PCI configuration space.</summary>
    public const uint PCI_WHICHSPACE_CONFIG = 0;

    /// <summary><c>FIELD_OFFSET(PCI_COMMON_CONFIG, VendorID)</c>: the 16-bit vendor ID is the first word of the configuration space.</summary>
    public const uint PCI_COMMON_CONFIG_VENDOR_ID_OFFSET = 0;

    /// <summary><c>FIELD_OFFSET(PCI_COMMON_CONFIG, DeviceID)</c>: the 16-bit device ID follows the vendor ID.</summary>
    public const uint PCI_COMMON_CONFIG_DEVICE_ID_OFFSET = 2;

    /// <summary><c>Context</c>: pass it as the first argument of <see cref="GetBusData"/>.</summary>
    public object? Context { get; } = context;

    /// <summary><c>GetBusData</c>: reads the device's configuration space (IRQL &lt;= DISPATCH_LEVEL).</summary>
    public GetSetDeviceData GetBusData { get; } = getBusData ?? throw new ArgumentNullException(nameof(getBusData));
}
