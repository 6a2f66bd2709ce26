using NetDma.ConformanceKit.Rules;

namespace NetDma.ConformanceKit.Host;

// NDMA3014: a processed descriptor with NET_DMA_INTERRUPT_ON_COMPLETION leads to NetDmaIsr and then
// NetDmaInterruptDpc for its channel (nf-netdma-netdmaisr.md). Judged when the script's hardware run is over, so the
// interrupts it raised were delivered and the DPCs they queued have run. Under schedule exploration the same judgment
// closes NDMA3023's window: a DPC's report of an earlier descriptor must be followed by one of the completions after it.
public sealed partial class NetDmaHost
{
    private const string IsrPage = "nf-netdma-netdmaisr.md";

    /// <summary>Most descriptor addresses one NDMA3014 report lists.</summary>
    private const int ListedDescriptors = 4;

    /// <summary>
    /// After a <c>run</c> (every interrupt requested delivered, every DPC queued run): for each live channel, every
    /// descriptor with NET_DMA_INTERRUPT_ON_COMPLETION the engine completed since the previous judgment must have been
    /// followed by a NetDmaIsr for the channel and then a NetDmaInterruptDpc (NDMA3014). One report per channel and
    /// missing call, listing the descriptors; each descriptor is judged once.
    /// </summary>
    internal void CheckInterruptsDelivered()
    {
        foreach (var channel in _liveChannels)
        {
            var due = channel.Progress.TakeInterruptsToJudge();
            if (due.Count == 0)
            {
                continue;
            }

            // Loops over the due list; the lists of missing calls are built only for a report.
            var missingIsr = false;
            var missingDpc = false;
            for (var i = 0; i < due.Count; i++)
            {
                var descriptor = due[i];
                if (descriptor.DpcCalled)
                {
                    Log.Checked(LifecycleRules.InterruptOnCompletionDelivered);
                }

                missingIsr |= !descriptor.IsrCalled;
                missingDpc |= descriptor is { IsrCalled: true, DpcCalled: false };
            }

            if (missingIsr && due.Where(d => !d.IsrCalled).ToList() is { Count: > 0 } noIsr)
            {
                Log.Report(LifecycleRules.InterruptOnCompletionDelivered,
                    $"after the engine completed {DescribeInterrupted(noIsr)} on {channel.Name} (ControlFlags with NET_DMA_INTERRUPT_ON_COMPLETION), an interrupt whose ISR calls NetDmaIsr for {channel.Name}",
                    $"no NetDmaIsr for {channel.Name} by the end of the run ({channel.IsrCount} NetDmaIsr call(s) for the channel in all)", IsrPage);
            }

            if (missingDpc && due.Where(d => d is { IsrCalled: true, DpcCalled: false }).ToList() is { Count: > 0 } noDpc)
            {
                Log.Report(LifecycleRules.InterruptOnCompletionDelivered,
                    $"after NetDmaIsr for {channel.Name} reported the completion of {DescribeInterrupted(noDpc)} (NET_DMA_INTERRUPT_ON_COMPLETION), NetDmaInterruptDpc for {channel.Name} from the interrupt DPC",
                    $"no NetDmaInterruptDpc for {channel.Name} followed by the end of the run ({channel.DpcCount} NetDmaInterruptDpc call(s) for the channel in all)", IsrPage);
            }

            CheckStaleReportsSuperseded(channel, due);
        }
    }

    /// <summary>
    /// NDMA3023 under schedule exploration, the condition on its window: a DPC may name the descriptor that was the last
    /// completed when it looked, although the engine completed more and NetDmaIsr signalled them before its report
    /// (CheckDpcReport accepts that). Those completions are then still owed: by the end of the run a later
    /// NetDmaInterruptDpc must name one of them or a descriptor completed after them, or NetDMA never learns they are
    /// done (a lost completion). One call at a time CheckDpcReport already reports such a stale report when it is made.
    /// </summary>
    private void CheckStaleReportsSuperseded(HostChannel channel, IReadOnlyList<DescriptorProgress> due)
    {
        if (Kernel.Interleaves)
        {
            CheckOwedReportsMade(channel, due);
        }
    }

    // Its own method: the closures below are made only under schedule exploration, not after every run.
    private void CheckOwedReportsMade(HostChannel channel, IReadOnlyList<DescriptorProgress> due)
    {
        var reportedThrough = channel.Progress.ReportedThrough;
        var owed = due.Where(d => d is { IsrCalled: true, DpcCalled: true } && d.CompletionNumber > reportedThrough).ToList();
        if (owed.Count == 0)
        {
            return;
        }

        var reported = channel.Progress.Descriptors.Values.FirstOrDefault(d => d.Completed && d.CompletionNumber == reportedThrough);
        Log.Report(LifecycleRules.DpcNamesLastCompleted,
            $"after NetDmaIsr signalled the completion of {DescribeInterrupted(owed)} on {channel.Name}, a NetDmaInterruptDpc naming it or a descriptor completed after it (the last completed is {channel.Progress.LastCompleted?.Address.ToString() ?? "none"})",
            $"no NetDmaInterruptDpc for {channel.Name} reported it by the end of the run: the last report named {reported?.Address.ToString() ?? "no completed descriptor"}, which completed before it (a lost completion)",
            "handling-a-netdma-interrupt-dpc.md");
    }

    private static string DescribeInterrupted(IReadOnlyList<DescriptorProgress> descriptors)
    {
        var listed = string.Join(", ", descriptors.Take(ListedDescriptors).Select(d => d.Address));
        var more = descriptors.Count > ListedDescriptors ? $" and {descriptors.Count - ListedDescriptors} more" : "";
        return descriptors.Count == 1 ? $"the descriptor at {listed}" : $"the descriptors at {listed}{more}";
    }
}
