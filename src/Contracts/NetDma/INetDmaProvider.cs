using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// The nine NetDMA provider handlers as one interface, so a provider is one class. Method names are the
/// NET_DMA_PROVIDER_CHARACTERISTICS member names; each method's contract (IRQL, statuses, page) is the one of the
/// callback typedef named by its <see cref="ContractOfAttribute"/>, stated once on that delegate type.
/// Bind an implementation with <see cref="NetDmaProviderCharacteristics.For(INetDmaProvider)"/>.
/// </summary>
public interface INetDmaProvider
{
    /// <summary>ProviderSetDmaChannelCpuAffinity; see <see cref="DmaChannelsCpuAffinityHandler"/> (PASSIVE_LEVEL).</summary>
    /// <param name="ProviderContext">The context passed to NetDmaRegisterProvider.</param>
    /// <param name="CpuAffinityArray">Channel number and target CPU number per channel.</param>
    /// <param name="CpuAffinityArraySize">Entries in the array.</param>
    /// <returns>STATUS_SUCCESS, STATUS_INSUFFICIENT_RESOURCES or STATUS_UNSUCCESSFUL.</returns>
    [ContractOf(typeof(DmaChannelsCpuAffinityHandler))]
    NtStatus SetDmaChannelCpuAffinity(object ProviderContext, NetDmaChannelCpuAffinity[] CpuAffinityArray, uint CpuAffinityArraySize);

    /// <summary>ProviderAllocateDmaChannel; see <see cref="DmaChannelAllocateHandler"/> (&lt;= DISPATCH_LEVEL).</summary>
    /// <param name="ProviderContext">The context passed to NetDmaRegisterProvider.</param>
    /// <param name="ChannelParameters">Channel configuration; write <see cref="NetDmaChannelParameters.CpuNumber"/>.</param>
    /// <param name="NetDmaChannelHandle">NetDMA's handle for the channel.</param>
    /// <param name="pProviderChannelContext">Receives the non-null channel context on success.</param>
    /// <returns>STATUS_SUCCESS, STATUS_INSUFFICIENT_RESOURCES or STATUS_UNSUCCESSFUL.</returns>
    [ContractOf(typeof(DmaChannelAllocateHandler))]
    NtStatus AllocateDmaChannel(object ProviderContext, NetDmaChannelParameters ChannelParameters, NetDmaChannelHandle NetDmaChannelHandle, out object? pProviderChannelContext);

    /// <summary>ProviderFreeDmaChannel; see <see cref="DmaChannelFreeHandler"/> (&lt;= DISPATCH_LEVEL).</summary>
    /// <param name="ProviderChannelContext">The channel context.</param>
    [ContractOf(typeof(DmaChannelFreeHandler))]
    void FreeDmaChannel(object ProviderChannelContext);

    /// <summary>ProviderStartDma; see <see cref="DmaStartHandler"/> (&lt;= DISPATCH_LEVEL).</summary>
    /// <param name="ProviderChannelContext">The channel context.</param>
    /// <param name="DescriptorVirtualAddress">Virtual address of the first descriptor.</param>
    /// <param name="DescriptorPhysicalAddress">Physical address of the first descriptor.</param>
    /// <param name="DescriptorCount">Descriptors in the chain.</param>
    /// <returns>STATUS_SUCCESS, STATUS_INSUFFICIENT_RESOURCES or STATUS_UNSUCCESSFUL.</returns>
    [ContractOf(typeof(DmaStartHandler))]
    NtStatus StartDma(object ProviderChannelContext, VirtualAddress DescriptorVirtualAddress, PhysicalAddress DescriptorPhysicalAddress, uint DescriptorCount);

    /// <summary>ProviderSuspendDma; see <see cref="DmaSuspendHandler"/> (&lt;= DISPATCH_LEVEL).</summary>
    /// <param name="ProviderChannelContext">The channel context.</param>
    /// <param name="pLastDescriptor">Receives the last processed descriptor's physical address.</param>
    /// <returns>STATUS_SUCCESS or STATUS_UNSUCCESSFUL.</returns>
    [ContractOf(typeof(DmaSuspendHandler))]
    NtStatus SuspendDma(object ProviderChannelContext, out PhysicalAddress pLastDescriptor);

    /// <summary>ProviderResumeDma; see <see cref="DmaResumeHandler"/> (&lt;= DISPATCH_LEVEL).</summary>
    /// <param name="ProviderChannelContext">The channel context.</param>
    /// <returns>STATUS_SUCCESS or STATUS_UNSUCCESSFUL.</returns>
    [ContractOf(typeof(DmaResumeHandler))]
    NtStatus ResumeDma(object ProviderChannelContext);

    /// <summary>ProviderAbortDma; see <see cref="DmaAbortHandler"/> (&lt;= DISPATCH_LEVEL).</summary>
    /// <param name="ProviderChannelContext">The channel context.</param>
    /// <returns>STATUS_SUCCESS or STATUS_UNSUCCESSFUL.</returns>
    [ContractOf(typeof(DmaAbortHandler))]
    NtStatus AbortDma(object ProviderChannelContext);

    /// <summary>ProviderAppendDma; see <see cref="DmaAppendHandler"/> (&lt;= DISPATCH_LEVEL).</summary>
    /// <param name="ProviderChannelContext">The channel context.</param>
    /// <param name="DescriptorVirtualAddress">Virtual address of the first appended descriptor.</param>
    /// <param name="DescriptorPhysicalAddress">Physical address of the first appended descriptor.</param>
    /// <param name="DescriptorCount">Descriptors appended.</param>
    /// <returns>STATUS_SUCCESS or STATUS_UNSUCCESSFUL.</returns>
    [ContractOf(typeof(DmaAppendHandler))]
    NtStatus AppendDma(object ProviderChannelContext, VirtualAddress DescriptorVirtualAddress, PhysicalAddress DescriptorPhysicalAddress, uint DescriptorCount);

    /// <summary>ProviderResetChannel; see <see cref="DmaResetHandler"/> (&lt;= DISPATCH_LEVEL).</summary>
    /// <param name="ProviderChannelContext">The channel context.</param>
    /// <returns>STATUS_SUCCESS or STATUS_UNSUCCESSFUL.</returns>
    [ContractOf(typeof(DmaResetHandler))]
    NtStatus ResetChannel(object ProviderChannelContext);
}
