using NetDma.ConformanceKit.Memory;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Host;

// NDMA5002, the "that NetDMA submitted" half: the engine fetches only descriptors NetDMA gave it with ProviderStartDma,
// ProviderAppendDma or a relink (nc-netdma-dma_start_handler.md: DescriptorCount is "the number of DMA descriptors at
// DescriptorVirtualAddress"). The ring's other slots hold poison descriptors NetDMA never submitted.
public sealed partial class NetDmaHost
{
    /// <summary>Channels whose fetch of an unsubmitted slot was reported since NetDMA last submitted on them: one report per submission.</summary>
    private readonly HashSet<HostChannel> _unsubmittedFetchReported = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// NDMA5002: every whole descriptor of a fetch from <paramref name="channel"/>'s descriptor memory is one NetDMA
    /// submitted on the channel (a misaligned or partial fetch is reported by <see cref="PhysicalMemory.DmaRead"/>).
    /// </summary>
    private void CheckFetchSubmitted(HostChannel channel, DescriptorFetch fetch)
    {
        for (ulong offset = 0; offset + NetDmaDescriptor.SizeInBytes <= fetch.Length; offset += NetDmaDescriptor.SizeInBytes)
        {
            var address = fetch.Address.Offset(offset);
            Log.Checked(MemoryRules.DescriptorAlignment);
            if (channel.Progress.Find(address) is not null || !_unsubmittedFetchReported.Add(channel))
            {
                continue;
            }

            var last = channel.Progress.Chain.LastOrDefault()?.Address.ToString() ?? "none";
            Log.Report(MemoryRules.DescriptorAlignment,
                $"fetches only of descriptors NetDMA submitted on {channel.Name} with ProviderStartDma, ProviderAppendDma or a relink (the last of the current chain: {last})",
                $"{fetch.Initiator} fetched the descriptor at {address}, slot {channel.Ring.SlotOf(address)} of {channel.Name}'s descriptor memory, which NetDMA never submitted",
                StartContract.Page);
        }
    }
}
