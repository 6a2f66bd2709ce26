namespace NetDma.ConformanceKit.Host;

/// <summary>
/// The simulated platform a run uses: processor count, whether MSI-X is available, the NetDMA interface version
/// the host reports through NetDmaGetVersion (nf-netdma-netdmagetversion.md), and the PCI vendor ID in the device's
/// configuration space (ns-netdma-_net_dma_provider_attributes.md).
/// </summary>
/// <param name="ProcessorCount">Active processors; CPU numbers are 0 .. count-1.</param>
/// <param name="MsiX">True when the platform supports MSI-X (ProviderSetDmaChannelCpuAffinity is then called inside NetDmaRegisterProvider).</param>
/// <param name="NetDmaMajor">Major version of the NetDMA interface (1 or 2).</param>
/// <param name="NetDmaMinor">Minor version of the NetDMA interface.</param>
/// <param name="PciVendorId">The VendorID word of the device's PCI configuration space, which NET_DMA_PROVIDER_ATTRIBUTES.VendorId reports.</param>
public sealed record HostOptions(int ProcessorCount = 4, bool MsiX = true, uint NetDmaMajor = 2, uint NetDmaMinor = 0, ushort PciVendorId = HostOptions.DefaultPciVendorId)
{
    /// <summary>The simulated device's PCI vendor ID unless a script sets one: 0x1414 (Microsoft), for a software engine.</summary>
    public const ushort DefaultPciVendorId = 0x1414;

    /// <summary>The NetDmaGetVersion value: major in the high 16 bits, minor in the low 16 bits.</summary>
    public uint Version => (NetDmaMajor << 16) | NetDmaMinor;

    /// <summary>
    /// When true, NetDMA allocates (and frees) a channel from inside the provider's NetDmaProviderStart, which the page
    /// allows ("it should be ready to handle all NetDMA interface requests", nf-netdma-netdmaproviderstart.md; NDMA3028).
    /// Off by default, so traces and channel handles of other runs stay as they are.
    /// </summary>
    public bool AllocateInProviderStart { get; init; }

    /// <summary>
    /// The alignment in bytes, a power of two, that every WDM DMA adapter's GetDmaAlignment returns
    /// (nc-wdm-pget_dma_alignment.md; rules NDMA4024, NDMA4025). 1, no requirement, by default.
    /// </summary>
    public uint DmaAlignment { get; init; } = 1;

    /// <summary>NetDMA 2.0 and later: descriptor chains are not NULL-terminated (nc-netdma-dma_start_handler.md).</summary>
    public bool UnterminatedChains => NetDmaMajor >= 2;

    /// <summary>NetDMA 1.1 and later export NetDmaGetVersion; NetDMA 1.0 does not (nf-netdma-netdmagetversion.md).</summary>
    public bool ExportsNetDmaGetVersion => Version >= 0x0001_0001;
}
