using NetDma.ConformanceKit.Host;
namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>allocate ch0 mask=0b0110 priority=0 irql=DISPATCH_LEVEL cpu=1</c>: NetDMA calls ProviderAllocateDmaChannel
/// (nc-netdma-dma_channel_allocate_handler.md) and binds the channel to <see cref="Channel"/>.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Channel">The script's name for the channel; it must not be allocated already (it may be re-allocated after <c>free</c>).</param>
/// <param name="AffinityMask">NET_DMA_CHANNEL_PARAMETERS.ProcessorAffinityMask: bit n set = CPU n may run the channel's interrupt DPC. Required, non-zero, 32-bit, selecting at least one active processor.</param>
/// <param name="Priority">NET_DMA_CHANNEL_PARAMETERS.ChannelPriority (default 0, what the Windows Vista NetDMA interface passes).</param>
/// <param name="Site">IRQL and CPU of the call (default <see cref="CallSite.ChannelOperationDefault"/>).</param>
public sealed record AllocateCommand(SourceLocation Location, string Channel, uint AffinityMask, uint Priority, CallSite Site)
    : ScriptCommand(Location);
