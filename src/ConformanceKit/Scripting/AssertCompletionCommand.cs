using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>assert_completion ch0 Idle</c>: the status bits of the channel's 64-bit completion status (ns-netdma-_net_dma_channel_parameters.md, CompletionVirtualAddress) are <see cref="Status"/>.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Channel">A channel allocated earlier in the script.</param>
/// <param name="Status">The expected NET_DMA_TRANSFER_STATUS (written Active, Idle, Suspend, Halted or Armed).</param>
public sealed record AssertCompletionCommand(SourceLocation Location, string Channel, NetDmaTransferStatus Status)
    : ScriptCommand(Location);
