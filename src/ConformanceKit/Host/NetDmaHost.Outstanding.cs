using NetDma.ConformanceKit.Rules;

namespace NetDma.ConformanceKit.Host;

// NetDMA's own side of freeing and stopping: it waits for a channel's outstanding DMA operations before it frees the
// channel (nc-netdma-dma_channel_free_handler.md: "Before the NetDMA interface calls ProviderFreeDmaChannel, it
// ensures that there are no outstanding DMA operations on this channel") and so before NetDmaProviderStop returns
// (nf-netdma-netdmaproviderstop.md: "waits for outstanding DMA operations to complete and frees all of the allocated
// DMA channels"). A script that frees a busy channel or stops a provider with busy channels therefore never makes the
// host call ProviderFreeDmaChannel out of contract; the trace shows the wait.
public sealed partial class NetDmaHost
{
    /// <summary>Most engine steps NetDMA lets the hardware take while it waits for one channel's outstanding DMA operations.</summary>
    public const int OutstandingDmaWaitBound = 100_000;

    /// <summary>
    /// The descriptors of <paramref name="channel"/>'s current chain that the engine still owes: submitted by
    /// ProviderStartDma, ProviderAppendDma or a relink, not completed and not dropped, on a channel that is started or
    /// suspended and did not halt on an error (a refused data access or descriptor fetch, a NetDmaTransferStatusHalted). Empty when the channel's device has left the bus (nothing can complete).
    /// </summary>
    internal IReadOnlyList<DescriptorProgress> OutstandingDescriptors(HostChannel channel) =>
        channel.State is ChannelState.Started or ChannelState.Suspended && !channel.Progress.Faulted && !FetchRefused(channel) && !DeviceGone
            ? channel.Progress.Chain.Where(d => !d.Completed && !d.Abandoned).ToList()
            : [];

    /// <summary>
    /// True when the engine's last attempt to fetch a descriptor of the channel was refused by the bus (a master abort:
    /// a <c>dma-read</c> fault): the engine stopped on that error, so what follows cannot complete.
    /// </summary>
    private static bool FetchRefused(HostChannel channel) => channel.Progress.LastFetched is { Fetched: false };

    /// <summary>
    /// Before ProviderFreeDmaChannel: lets the hardware run until <paramref name="channel"/> has no outstanding DMA
    /// operation, resuming it first when NetDMA had suspended it (a suspended channel completes nothing,
    /// nc-netdma-dma_suspend_handler.md). NDMA3030 when the hardware goes idle, or runs <see cref="OutstandingDmaWaitBound"/>
    /// steps, with descriptors still owed; the free goes ahead either way, as it does after NetDmaProviderStop's wait.
    /// </summary>
    /// <param name="channel">The channel NetDMA is about to free.</param>
    /// <param name="site">The free's processor and IRQL; a resume runs there too (both allow &lt;= DISPATCH_LEVEL).</param>
    /// <param name="before">What NetDMA is about to do, in report words (<c>ProviderFreeDmaChannel</c>, <c>NetDmaProviderStop returns</c>).</param>
    private void WaitForOutstandingDma(HostChannel channel, CallSite site, string before)
    {
        var owed = OutstandingDescriptors(channel);
        if (owed.Count == 0)
        {
            return;
        }

        if (channel.State == ChannelState.Suspended)
        {
            Trace($"NetDMA resumes {channel.Name}: {owed.Count} outstanding descriptor(s) must complete before {before}");
            ResumeDma(channel.Name, site);
        }

        Trace($"NetDMA waits for {owed.Count} outstanding descriptor(s) of {channel.Name} before {before}");
        var run = Kernel.RunHardwareUntil(() => OutstandingDescriptors(channel).Count == 0, OutstandingDmaWaitBound);
        var left = OutstandingDescriptors(channel);
        Log.Checked(LifecycleRules.OutstandingDmaCompletes);
        if (left.Count == 0)
        {
            Trace($"NetDMA: {channel.Name} has no outstanding DMA operation after {run.StepsTaken} engine step(s)");
            return;
        }

        var first = left[0];
        Log.Report(LifecycleRules.OutstandingDmaCompletes,
            $"the {owed.Count} outstanding descriptor(s) of {channel.Name} completed, or the engine halted on an error, while NetDMA waits before {before}",
            $"{(run.Idle ? "the hardware went idle" : "the hardware was still busy")} after {run.StepsTaken} engine step(s) with {left.Count} still outstanding, first {first.Describe()} ({DescribeDescriptor(channel, first.Address)})",
            LifecycleRules.OutstandingDmaCompletes.Page);
    }
}
