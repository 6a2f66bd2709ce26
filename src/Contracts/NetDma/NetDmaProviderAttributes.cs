using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>NET_DMA_PROVIDER_ATTRIBUTES</c>: what a started DMA engine offers, passed to NetDmaProviderStart (new values may
/// be passed on every restart). Source: ns-netdma-_net_dma_provider_attributes.md.
/// </summary>
[DdiStruct("NET_DMA_PROVIDER_ATTRIBUTES", "netdma.h", "ns-netdma-_net_dma_provider_attributes.md")]
public sealed class NetDmaProviderAttributes
{
    /// <summary>Size of the structure in bytes on x64 (<c>sizeof(NET_DMA_PROVIDER_ATTRIBUTES)</c>).</summary>
    public const ushort SIZEOF_NET_DMA_PROVIDER_ATTRIBUTES = 32;

    /// <summary>Major hardware version of the DMA engine.</summary>
    [DdiField(1)]
    public byte MajorHwVersion { get; set; }

    /// <summary>Minor hardware version of the DMA engine.</summary>
    [DdiField(2)]
    public byte MinorHwVersion { get; set; }

    /// <summary>Size of the structure in bytes.</summary>
    [DdiField(3)]
    public ushort Size { get; set; } = SIZEOF_NET_DMA_PROVIDER_ATTRIBUTES;

    /// <summary>Attribute flags; none are defined.</summary>
    [DdiField(4)]
    public uint Flags { get; set; }

    /// <summary>PCI vendor ID of the DMA engine.</summary>
    [DdiField(5)]
    public uint VendorId { get; set; }

    /// <summary>Number of channels the started engine has; at most <c>MaxDmaChannelCount</c> of the characteristics (rule NDMA3010).</summary>
    [DdiField(6)]
    public uint DmaChannelCount { get; set; }

    /// <summary>Largest transfer one descriptor may describe, in bytes (at least 4096).</summary>
    [DdiField(7)]
    public uint MaximumTransferSize { get; set; }

    /// <summary>Highest physical address the engine can reach.</summary>
    [DdiField(8)]
    public PhysicalAddress MaximumAddressSpace { get; set; }
}
