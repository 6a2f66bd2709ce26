using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ReferenceProvider.NetDma;

/// <summary>
/// The provider channel context ProviderAllocateDmaChannel returns at <c>pProviderChannelContext</c> and NetDMA passes
/// back to every per-channel handler: one new object per allocation, so contexts of live channels are distinct (rule
/// NDMA3002). Its storage is a block of non-paged pool, because NetDMA may call the handlers at DISPATCH_LEVEL
/// (nc-netdma-dma_channel_allocate_handler.md: "the DMA provider driver allocates this context area").
/// </summary>
/// <param name="channel">The hardware channel allocated.</param>
/// <param name="netDmaChannelHandle">NetDMA's handle for the channel, for NetDmaIsr and NetDmaInterruptDpc.</param>
/// <param name="poolBlock">The non-paged pool block that backs the context; freed by ProviderFreeDmaChannel.</param>
/// <param name="completionVirtualAddress">ChannelParameters.CompletionVirtualAddress.</param>
/// <param name="completionPhysicalAddress">ChannelParameters.CompletionPhysicalAddress.</param>
internal sealed class ProviderChannelContext(
    ProviderChannel channel,
    NetDmaChannelHandle netDmaChannelHandle,
    VirtualAddress poolBlock,
    VirtualAddress completionVirtualAddress,
    PhysicalAddress completionPhysicalAddress)
{
    /// <summary>Size of the pool block that backs a context, in bytes.</summary>
    public const ulong PoolBlockSize = 128;

    /// <summary>The hardware channel allocated.</summary>
    public ProviderChannel Channel { get; } = channel;

    /// <summary>NetDMA's handle for the channel.</summary>
    public NetDmaChannelHandle NetDmaChannelHandle { get; } = netDmaChannelHandle;

    /// <summary>The non-paged pool block that backs the context.</summary>
    public VirtualAddress PoolBlock { get; } = poolBlock;

    /// <summary>Where software reads the completion status the engine writes.</summary>
    public VirtualAddress CompletionVirtualAddress { get; } = completionVirtualAddress;

    /// <summary>Where the engine writes the completion status.</summary>
    public PhysicalAddress CompletionPhysicalAddress { get; } = completionPhysicalAddress;

    /// <summary>Set by ProviderFreeDmaChannel (under the channel's spin lock); later calls with this context fail.</summary>
    public bool Freed { get; set; }
}
