namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>platform processors=4 msix=on netdma=2.0 vendor=0x1414</c>: the simulated machine. In the header, at most once;
/// every option is optional (defaults below).
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Processors">Active processors, 1..64 (CPU numbers 0 .. Processors-1).</param>
/// <param name="MsiX">Whether the platform grants MSI-X messages (with MSI-X, NetDMA calls ProviderSetDmaChannelCpuAffinity from NetDmaRegisterProvider; ns-netdma-_net_dma_channel_cpu_affinity.md).</param>
/// <param name="NetDmaMajor">Major NetDMA interface version NetDmaGetVersion reports (1 or 2).</param>
/// <param name="NetDmaMinor">Minor NetDMA interface version (1.0, 1.1 or 2.0 as a pair).</param>
/// <param name="PciVendorId">The VendorID in the device's PCI configuration space, 0x0001..0xFFFE (NET_DMA_PROVIDER_ATTRIBUTES.VendorId must report it; ns-netdma-_net_dma_provider_attributes.md).</param>
public sealed record PlatformCommand(SourceLocation Location, int Processors, bool MsiX, uint NetDmaMajor, uint NetDmaMinor, ushort PciVendorId = PlatformCommand.DefaultPciVendorId)
    : ScriptCommand(Location)
{
    /// <summary>Processors when the script has no <c>processors=</c>.</summary>
    public const int DefaultProcessors = 4;

    /// <summary>MSI-X when the script has no <c>msix=</c>.</summary>
    public const bool DefaultMsiX = true;

    /// <summary>NetDMA major version when the script has no <c>netdma=</c>.</summary>
    public const uint DefaultNetDmaMajor = 2;

    /// <summary>NetDMA minor version when the script has no <c>netdma=</c>.</summary>
    public const uint DefaultNetDmaMinor = 0;

    /// <summary>
    /// <c>allocate_in_start=on</c>: NetDMA allocates and frees a channel from inside NetDmaProviderStart
    /// (nf-netdma-netdmaproviderstart.md; NDMA3028). Off unless the script says so.
    /// </summary>
    public bool AllocateInProviderStart { get; init; }

    /// <summary>
    /// <c>dma_alignment=64</c>: the alignment in bytes, a power of two up to 4096, that GetDmaAlignment returns on every
    /// WDM DMA adapter (nc-wdm-pget_dma_alignment.md; rules NDMA4024, NDMA4025). 1 unless the script says otherwise.
    /// </summary>
    public uint DmaAlignment { get; init; } = 1;

    /// <summary>The largest <c>dma_alignment=</c> (a page).</summary>
    public const uint MaxDmaAlignment = 4096;

    /// <summary>The device's PCI vendor ID when the script has no <c>vendor=</c> (the formatter writes <c>vendor=</c> only for another value).</summary>
    public const ushort DefaultPciVendorId = Host.HostOptions.DefaultPciVendorId;

    /// <summary>The most processors a platform may have.</summary>
    public const int MaxProcessors = 64;
}
