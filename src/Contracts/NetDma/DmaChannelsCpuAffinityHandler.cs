using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>DMA_CHANNELS_CPU_AFFINITY_HANDLER</c> (ProviderSetDmaChannelCpuAffinity): NetDMA tells the provider, inside
/// NetDmaRegisterProvider and only when the platform supports MSI-X, which CPU each channel's MSI-X interrupt should
/// target. Called at PASSIVE_LEVEL. Returns STATUS_SUCCESS, STATUS_INSUFFICIENT_RESOURCES (page: STATUS_RESOURCES)
/// or STATUS_UNSUCCESSFUL. Source: nc-netdma-dma_channels_cpu_affinity_handler.md.
/// </summary>
/// <param name="ProviderContext">The context the provider passed to NetDmaRegisterProvider.</param>
/// <param name="CpuAffinityArray">One entry per channel, for <c>MaxDmaChannelCount</c> channels: channel number and target CPU number.</param>
/// <param name="CpuAffinityArraySize">Number of entries in <paramref name="CpuAffinityArray"/> (entries, not bytes).</param>
[Ddi("DMA_CHANNELS_CPU_AFFINITY_HANDLER", DdiKind.Callback, "netdma.h", "nc-netdma-dma_channels_cpu_affinity_handler.md", Role = "ProviderSetDmaChannelCpuAffinity")]
[IrqlRequires(Irql.PASSIVE_LEVEL)]
[DdiStatuses(NtStatus.STATUS_SUCCESS, NtStatus.STATUS_INSUFFICIENT_RESOURCES, NtStatus.STATUS_UNSUCCESSFUL)]
public delegate NtStatus DmaChannelsCpuAffinityHandler(
    [DdiParameter(DdiParameterDirection.In)] object ProviderContext,
    [DdiParameter(DdiParameterDirection.In)] NetDmaChannelCpuAffinity[] CpuAffinityArray,
    [DdiParameter(DdiParameterDirection.In)] uint CpuAffinityArraySize);
