using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>NET_DMA_CHANNEL_PARAMETERS</c>: the configuration NetDMA passes at <c>ChannelParameters</c> of
/// ProviderAllocateDmaChannel. The provider writes <see cref="CpuNumber"/> before it returns; every other member is
/// NetDMA's input. Source: ns-netdma-_net_dma_channel_parameters.md.
/// </summary>
[DdiStruct("NET_DMA_CHANNEL_PARAMETERS", "netdma.h", "ns-netdma-_net_dma_channel_parameters.md")]
public sealed class NetDmaChannelParameters
{
    /// <summary><c>NET_DMA_CHANNEL_PARAMETERS_REVISION_1</c> (Windows Vista, NetDMA 1.x); netdma.h spells it NET_DMA_CHANNEL_REVISION_1.</summary>
    public const ushort NET_DMA_CHANNEL_PARAMETERS_REVISION_1 = 1;

    /// <summary><c>NET_DMA_CHANNEL_PARAMETERS_REVISION_2</c> (Windows 7, NetDMA 2.0; netdma.h spells it NET_DMA_CHANNEL_REVISION_2; adds <see cref="ProcessorAffinityMaskEx"/>).</summary>
    public const ushort NET_DMA_CHANNEL_PARAMETERS_REVISION_2 = 2;

    /// <summary>Revision of the structure: <see cref="NET_DMA_CHANNEL_PARAMETERS_REVISION_1"/> or <see cref="NET_DMA_CHANNEL_PARAMETERS_REVISION_2"/>.</summary>
    [DdiField(1)]
    public ushort Revision { get; set; } = NET_DMA_CHANNEL_PARAMETERS_REVISION_2;

    /// <summary>Bytes through <see cref="CpuNumber"/> on x64: the size of a revision 1 structure.</summary>
    public const ushort SIZEOF_NET_DMA_CHANNEL_PARAMETERS_REVISION_1 = 36;

    /// <summary>Bytes through <see cref="ProcessorAffinityMaskEx"/> on x64: the size of a revision 2 structure.</summary>
    public const ushort SIZEOF_NET_DMA_CHANNEL_PARAMETERS_REVISION_2 = 56;

    /// <summary>Size of the structure in bytes: one of the <c>SIZEOF_..._REVISION_n</c> values.</summary>
    [DdiField(2)]
    public ushort Size { get; set; } = SIZEOF_NET_DMA_CHANNEL_PARAMETERS_REVISION_2;

    /// <summary>Channel attribute flags; no flags are defined, NetDMA sets 0.</summary>
    [DdiField(3)]
    public uint Flags { get; set; }

    /// <summary>Virtual address of the 64-bit completion status the engine writes (descriptor physical address | <see cref="NetDmaTransferStatus"/>).</summary>
    [DdiField(4)]
    public VirtualAddress CompletionVirtualAddress { get; set; }

    /// <summary>Physical address of the same completion status; used only for descriptors with <c>NET_DMA_STATUS_UPDATE_ON_COMPLETION</c>.</summary>
    [DdiField(5)]
    public PhysicalAddress CompletionPhysicalAddress { get; set; }

    /// <summary>
    /// 32-bit bitmap (<c>ULONG</c>) of CPU <b>numbers</b> usable for the channel's interrupt DPC: bit <c>n</c> set means CPU <c>n</c>.
    /// This is a mask, not a CPU number.
    /// </summary>
    [DdiField(6)]
    public uint ProcessorAffinityMask { get; set; }

    /// <summary>Relative channel priority; larger is higher. The Windows Vista NetDMA interface sets 0.</summary>
    [DdiField(7)]
    public uint ChannelPriority { get; set; }

    /// <summary>
    /// Output: the CPU <b>number</b> (not a mask) the provider associated with the channel's interrupt DPC (and,
    /// with MSI-X, its interrupt). The provider must set it before ProviderAllocateDmaChannel returns, to a CPU
    /// whose bit is set in <see cref="ProcessorAffinityMask"/> (rules NDMA3003, NDMA3004).
    /// </summary>
    [DdiField(8)]
    public uint CpuNumber { get; set; }

    /// <summary>Group number and CPU bitmap (<c>GROUP_AFFINITY</c>), revision 2 only.</summary>
    [DdiField(9)]
    public GroupAffinity ProcessorAffinityMaskEx { get; set; }
}
