using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>DEVICE_DESCRIPTION</c>: what a driver tells IoGetDmaAdapter about its DMA device. Zero-initialize, then set the
/// relevant members. Source: ns-wdm-_device_description.md.
/// </summary>
[DdiStruct("DEVICE_DESCRIPTION", "wdm.h", "ns-wdm-_device_description.md")]
public sealed class DeviceDescription
{
    /// <summary><c>DEVICE_DESCRIPTION_VERSION</c> (0).</summary>
    public const uint DEVICE_DESCRIPTION_VERSION = 0;

    /// <summary><c>DEVICE_DESCRIPTION_VERSION1</c> (1).</summary>
    public const uint DEVICE_DESCRIPTION_VERSION1 = 1;

    /// <summary><c>DEVICE_DESCRIPTION_VERSION2</c> (2).</summary>
    public const uint DEVICE_DESCRIPTION_VERSION2 = 2;

    /// <summary><c>DEVICE_DESCRIPTION_VERSION3</c> (3).</summary>
    public const uint DEVICE_DESCRIPTION_VERSION3 = 3;

    /// <summary>Structure version; selects the DMA_OPERATIONS version returned.</summary>
    [DdiField(1)] public uint Version { get; set; }

    /// <summary>True for a bus-master device.</summary>
    [DdiField(2)] public bool Master { get; set; }

    /// <summary>True when the device supports scatter/gather.</summary>
    [DdiField(3)] public bool ScatterGather { get; set; }

    /// <summary>System DMA demand mode.</summary>
    [DdiField(4)] public bool DemandMode { get; set; }

    /// <summary>System DMA auto-initialize mode.</summary>
    [DdiField(5)] public bool AutoInitialize { get; set; }

    /// <summary>True when the device uses 32-bit addresses.</summary>
    [DdiField(6)] public bool Dma32BitAddresses { get; set; }

    /// <summary>Ignore the DMA controller's transfer count.</summary>
    [DdiField(7)] public bool IgnoreCount { get; set; }

    /// <summary>Reserved; must be false.</summary>
    [DdiField(8)] public bool Reserved1 { get; set; }

    /// <summary>True when the device uses 64-bit addresses.</summary>
    [DdiField(9)] public bool Dma64BitAddresses { get; set; }

    /// <summary>System-assigned bus number.</summary>
    [DdiField(10)] public uint BusNumber { get; set; }

    /// <summary>System DMA channel number.</summary>
    [DdiField(11)] public uint DmaChannel { get; set; }

    /// <summary>The bus type.</summary>
    [DdiField(12)] public InterfaceType InterfaceType { get; set; }

    /// <summary>System DMA transfer width.</summary>
    [DdiField(13)] public DmaWidth DmaWidth { get; set; }

    /// <summary>System DMA speed.</summary>
    [DdiField(14)] public DmaSpeed DmaSpeed { get; set; }

    /// <summary>Largest transfer the driver wants to make at once, in bytes; sizes the map register grant.</summary>
    [DdiField(15)] public uint MaximumLength { get; set; }

    /// <summary>Microchannel DMA port.</summary>
    [DdiField(16)] public uint DmaPort { get; set; }

    /// <summary>Address width in bits (version 3).</summary>
    [DdiField(17)] public uint DmaAddressWidth { get; set; }

    /// <summary>DMA controller instance (version 3).</summary>
    [DdiField(18)] public uint DmaControllerInstance { get; set; }

    /// <summary>DMA request line (version 3).</summary>
    [DdiField(19)] public uint DmaRequestLine { get; set; }

    /// <summary>Device bus address for system DMA (version 3).</summary>
    [DdiField(20)] public PhysicalAddress DeviceAddress { get; set; }
}
