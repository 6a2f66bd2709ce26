using NetDma.ConformanceKit.Memory;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Host;

// NDMA3012 (nc-netdma-dma_suspend_handler.md): "The DMA provider completes the transfer of the current DMA descriptor
// before it returns from ProviderSuspendDma", pLastDescriptor is "the physical address of the last successfully
// processed DMA descriptor", and a suspended channel's transfers stay suspended until ProviderResumeDma. Judged
// against the engine-progress observation (EngineProgress), which knows what the engine fetched and completed.
public sealed partial class NetDmaHost
{
    /// <summary>The channel whose ProviderResumeDma is running: the engine may fetch while it resumes.</summary>
    private HostChannel? _resuming;

    /// <summary>Channels whose fetch while suspended was reported since their latest ProviderSuspendDma: one report per suspension.</summary>
    private readonly HashSet<HostChannel> _fetchedWhileSuspended = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// After a successful ProviderSuspendDma of <paramref name="channel"/>: the descriptor the engine was processing is
    /// complete, and <paramref name="last"/> is the one it completed last. Before any completion since the latest
    /// ProviderStartDma, NULL is accepted, and so is the descriptor completed last before that start (the page does
    /// not say whether "last" counts from the start, the allocation or a reset).
    /// </summary>
    private void CheckSuspendReport(HostChannel channel, PhysicalAddress last)
    {
        var progress = channel.Progress;
        _fetchedWhileSuspended.Remove(channel);
        Log.Checked(LifecycleRules.SuspendHalts);
        if (progress.LastFetched is { InFlight: true } current)
        {
            Log.Report(LifecycleRules.SuspendHalts,
                $"the transfer of the current descriptor of {channel.Name} ({current.Describe()}) completed before ProviderSuspendDma returns",
                $"ProviderSuspendDma returned STATUS_SUCCESS with {current.BytesWritten} of its {current.Spec.Length} bytes written", SuspendContract.Page);
        }

        Log.Checked(LifecycleRules.SuspendHalts);
        var processed = progress.LastCompleted?.Address;
        var accepted = progress.CompletedSinceStart
            ? last == processed
            : last.IsNull || last == processed;
        if (accepted)
        {
            return;
        }

        var expected = progress.CompletedSinceStart || processed is null
            ? (processed is { } address ? $"pLastDescriptor = {address}" : "pLastDescriptor = NULL")
            : $"pLastDescriptor = NULL or {processed}";
        Log.Report(LifecycleRules.SuspendHalts,
            $"{expected}, the last descriptor the engine processed on {channel.Name}{(processed is null ? " (none yet)" : "")}",
            $"pLastDescriptor = {last} ({DescribeDescriptor(channel, last)})", SuspendContract.Page);
    }

    /// <summary>
    /// NDMA3012: a descriptor fetch of a suspended channel, outside its ProviderResumeDma (the fetch is still observed).
    /// Only the first fetch of each suspension is reported: one bug, one report.
    /// </summary>
    private void CheckFetchWhileSuspended(HostChannel channel, DescriptorFetch fetch)
    {
        Log.Checked(LifecycleRules.SuspendHalts);
        if (channel.State != ChannelState.Suspended || ReferenceEquals(_resuming, channel) || !_fetchedWhileSuspended.Add(channel))
        {
            return;
        }

        Log.Report(LifecycleRules.SuspendHalts,
            $"no descriptor fetch on {channel.Name} between ProviderSuspendDma and ProviderResumeDma",
            $"{fetch.Initiator} fetched the descriptor at {fetch.Address} ({DescribeDescriptor(channel, fetch.Address)}) while {channel.Name} is suspended", SuspendContract.Page);
    }
}
