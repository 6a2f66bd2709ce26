using NetDma.Contracts.Annotations;
using NetDma.Contracts.Wdm;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>NET_DMA_PROVIDER_CHARACTERISTICS</c>: the provider's version, limits and entry points, passed to
/// NetDmaRegisterProvider. <see cref="SuspendDma"/>, <see cref="ResumeDma"/>, <see cref="AbortDma"/> and
/// <see cref="ResetChannel"/> are optional (null); Suspend and Resume come together (nc-netdma-dma_resume_handler.md).
/// Source: ns-netdma-_net_dma_provider_characteristics.md.
/// </summary>
[DdiStruct("NET_DMA_PROVIDER_CHARACTERISTICS", "netdma.h", "ns-netdma-_net_dma_provider_characteristics.md")]
public sealed class NetDmaProviderCharacteristics
{
    /// <summary><c>NET_DMA_PROVIDER_CHARACTERISTICS_DCA_SUPPORTED</c> (NetDMA 2.0): the provider supports Direct Cache Access.</summary>
    public const uint NET_DMA_PROVIDER_CHARACTERISTICS_DCA_SUPPORTED = 0x00000001;

    /// <summary>Size of the structure in bytes on x64.</summary>
    public const ushort SIZEOF_NET_DMA_PROVIDER_CHARACTERISTICS = 112;

    /// <summary>Major NetDMA version the provider implements; must not exceed NetDmaGetVersion's major version.</summary>
    [DdiField(1)]
    public byte MajorVersion { get; set; }

    /// <summary>Minor NetDMA version the provider implements.</summary>
    [DdiField(2)]
    public byte MinorVersion { get; set; }

    /// <summary>Size of the structure in bytes.</summary>
    [DdiField(3)]
    public ushort Size { get; set; } = SIZEOF_NET_DMA_PROVIDER_CHARACTERISTICS;

    /// <summary>0 for NetDMA 1.x; NetDMA 2.0 may set <see cref="NET_DMA_PROVIDER_CHARACTERISTICS_DCA_SUPPORTED"/>.</summary>
    [DdiField(4)]
    public uint Flags { get; set; }

    /// <summary>The PDO the PnP manager passed to AddDevice.</summary>
    [DdiField(5)]
    public DeviceObject? PhysicalDeviceObject { get; set; }

    /// <summary>Most channels the provider can ever support; NetDMA sizes the CPU affinity array by it.</summary>
    [DdiField(6)]
    public uint MaxDmaChannelCount { get; set; }

    /// <summary>ProviderSetDmaChannelCpuAffinity entry point.</summary>
    [DdiField(7)]
    public DmaChannelsCpuAffinityHandler? SetDmaChannelCpuAffinity { get; set; }

    /// <summary>ProviderAllocateDmaChannel entry point (required).</summary>
    [DdiField(8)]
    public DmaChannelAllocateHandler? AllocateDmaChannel { get; set; }

    /// <summary>ProviderFreeDmaChannel entry point (required).</summary>
    [DdiField(9)]
    public DmaChannelFreeHandler? FreeDmaChannel { get; set; }

    /// <summary>ProviderStartDma entry point (required).</summary>
    [DdiField(10)]
    public DmaStartHandler? StartDma { get; set; }

    /// <summary>ProviderSuspendDma entry point, or null when not supported.</summary>
    [DdiField(11)]
    public DmaSuspendHandler? SuspendDma { get; set; }

    /// <summary>ProviderResumeDma entry point, or null when not supported (required when <see cref="SuspendDma"/> is set).</summary>
    [DdiField(12)]
    public DmaResumeHandler? ResumeDma { get; set; }

    /// <summary>ProviderAbortDma entry point, or null when not supported.</summary>
    [DdiField(13)]
    public DmaAbortHandler? AbortDma { get; set; }

    /// <summary>ProviderAppendDma entry point (required).</summary>
    [DdiField(14)]
    public DmaAppendHandler? AppendDma { get; set; }

    /// <summary>ProviderResetChannel entry point, or null when not supported.</summary>
    [DdiField(15)]
    public DmaResetHandler? ResetChannel { get; set; }

    /// <summary>The provider's friendly name (<c>UNICODE_STRING</c>).</summary>
    [DdiField(16)]
    public string FriendlyName { get; set; } = "";

    /// <summary>
    /// Characteristics whose nine entry points are bound to <paramref name="provider"/>'s methods; the caller fills in
    /// versions, flags, the PDO, <see cref="MaxDmaChannelCount"/> and the name.
    /// </summary>
    public static NetDmaProviderCharacteristics For(INetDmaProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new NetDmaProviderCharacteristics
        {
            SetDmaChannelCpuAffinity = provider.SetDmaChannelCpuAffinity,
            AllocateDmaChannel = provider.AllocateDmaChannel,
            FreeDmaChannel = provider.FreeDmaChannel,
            StartDma = provider.StartDma,
            SuspendDma = provider.SuspendDma,
            ResumeDma = provider.ResumeDma,
            AbortDma = provider.AbortDma,
            AppendDma = provider.AppendDma,
            ResetChannel = provider.ResetChannel,
        };
    }
}
