using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Host;

// MSI-X interrupt affinity, as NetDMA and the PnP manager see it: what the provider asked for in
// IRP_MN_FILTER_RESOURCE_REQUIREMENTS against the affinities NetDMA passed to ProviderSetDmaChannelCpuAffinity
// (NDMA3025), and which channel an allocation took, judged by the CPU its interrupt then arrives on (NDMA3026).
public sealed partial class NetDmaHost
{
    private const string AffinitiesPage = "setting-the-netdma-interrupt-cpu-affinities.md";

    private bool _interruptRequestChecked;

    /// <summary>
    /// The target CPU of each MSI-X message the provider asked for in IRP_MN_FILTER_RESOURCE_REQUIREMENTS (message
    /// <c>i</c> targets entry <c>i</c>), or null before that IRP or without MSI-X.
    /// </summary>
    public IReadOnlyList<uint>? RequestedInterruptCpus { get; private set; }

    /// <summary>The MSI-X messages the platform granted at IRP_MN_START_DEVICE, or empty without MSI-X.</summary>
    public IReadOnlyList<InterruptMessage> GrantedMessages { get; private set; } = [];

    /// <summary>
    /// Records the answer to IRP_MN_FILTER_RESOURCE_REQUIREMENTS, which the PnP manager sends right after AddDevice
    /// returns (setting-the-netdma-interrupt-cpu-affinities.md), and checks that every requested message targets a
    /// CPU NetDMA named in the affinity array (NDMA3025). Whether every channel's CPU got a message is checked at
    /// NetDmaProviderStart, once DmaChannelCount is known.
    /// </summary>
    /// <param name="targetCpus">One CPU number per requested message.</param>
    internal void RecordInterruptRequest(IReadOnlyList<uint> targetCpus)
    {
        ArgumentNullException.ThrowIfNull(targetCpus);
        RequestedInterruptCpus = targetCpus;
        _interruptRequestChecked = false;
        if (Provider?.CpuAffinities is not { } affinities)
        {
            return;
        }

        Log.Checked(LifecycleRules.MsiXRequestsFollowAffinities);
        var named = affinities.Select(a => a.CpuNumber).ToHashSet();
        for (var message = 0; message < targetCpus.Count; message++)
        {
            if (!named.Contains(targetCpus[message]))
            {
                Log.Report(LifecycleRules.MsiXRequestsFollowAffinities,
                    $"MSI-X messages targeting CPUs NetDMA passed to ProviderSetDmaChannelCpuAffinity ({CpuList(named)})",
                    $"message {message} asks for CPU {targetCpus[message]}", AffinitiesPage);
            }
        }
    }

    /// <summary>Records the interrupts granted at IRP_MN_START_DEVICE (only MSI-X messages are kept).</summary>
    /// <param name="resources">The start IRP's resources.</param>
    internal void RecordGrantedInterrupts(DeviceResources resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        GrantedMessages = resources.MessageSignaled ? resources.Interrupts : [];
    }

    /// <summary>
    /// After IRP_MN_START_DEVICE, once per IRP_MN_FILTER_RESOURCE_REQUIREMENTS answer: every channel the started
    /// provider has (DmaChannel &lt; DmaChannelCount) must have had an MSI-X message requested on the CPU
    /// ProviderSetDmaChannelCpuAffinity gave it (NDMA3025). Checked here, not in NetDmaProviderStart, because only now
    /// are both the request and DmaChannelCount known, whatever order the provider got them in.
    /// </summary>
    internal void CheckInterruptRequestCoversChannels()
    {
        if (_interruptRequestChecked || Provider is not { CpuAffinities: { } affinities, Attributes: { } attributes } || RequestedInterruptCpus is null)
        {
            return;
        }

        _interruptRequestChecked = true;
        var dmaChannelCount = attributes.DmaChannelCount;
        Log.Checked(LifecycleRules.MsiXRequestsFollowAffinities);
        var requested = RequestedInterruptCpus;
        var missing = affinities
            .Where(a => a.DmaChannel < dmaChannelCount && a.CpuNumber < (uint)Options.ProcessorCount && !requested.Contains(a.CpuNumber))
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var asked = requested.Count == 0 ? "no MSI-X message" : $"messages on CPUs {CpuList(requested)}";
        Log.Report(LifecycleRules.MsiXRequestsFollowAffinities,
            $"an MSI-X message for each started channel on the CPU ProviderSetDmaChannelCpuAffinity gave it ({string.Join(", ", missing.Select(a => $"DmaChannel {a.DmaChannel} -> CPU {a.CpuNumber}"))})",
            $"IRP_MN_FILTER_RESOURCE_REQUIREMENTS asked for {asked}", AffinitiesPage);
    }

    /// <summary>
    /// What an MSI-X allocation could have taken: the granted messages whose CPU is in the mask, and the channels
    /// already live (each may hold one of them). Judged at the channel's first NetDmaIsr (<see cref="CheckInterruptCpu"/>).
    /// </summary>
    private MsiXAllocationChoice? ChoiceAtAllocation(uint affinityMask)
    {
        if (GrantedMessages.Count == 0)
        {
            return null;
        }

        var matching = GrantedMessages.Count(m => m.TargetProcessor < 32 && (affinityMask & (1u << (int)m.TargetProcessor)) != 0);
        return new MsiXAllocationChoice(matching, [.. _channelsByName.Values]);
    }

    /// <summary>
    /// The channels live at the allocation that could hold a message targeting a CPU in <paramref name="mask"/>; its own
    /// method, so the lambda's closure is made only when this is asked, not at every interrupt (C# makes a closure when
    /// the scope of what it captures is entered).
    /// </summary>
    private static int CountCouldHoldOne(MsiXAllocationChoice choice, uint mask) => choice.LiveAtAllocation.Count(other =>
        other.InterruptCpu is not { } otherCpu || (otherCpu < 32 && (mask & (1u << (int)otherCpu)) != 0));

    /// <summary>
    /// At a channel's first NetDmaIsr with MSI-X: the CPU the interrupt arrived on is the channel's interrupt CPU.
    /// When it is in ProcessorAffinityMask it must be the CpuNumber the provider reported; when it is not, the
    /// allocation fell back to steering only the DPC, which the page allows only when no free channel's interrupt
    /// targeted a CPU in the mask. With one message per channel (as many messages as DmaChannelCount), that is
    /// decided by counting: more matching messages than channels that were live and could hold one means a matching
    /// channel was free (NDMA3026, nc-netdma-dma_channel_allocate_handler.md).
    /// </summary>
    private void CheckInterruptCpu(HostChannel channel, uint cpu)
    {
        if (channel.InterruptCpu is not null || channel.MsiXChoice is not { } choice)
        {
            return;
        }

        Log.Checked(LifecycleRules.MsiXChannelMatchesMask);
        channel.InterruptCpu = cpu;
        var mask = channel.Parameters.ProcessorAffinityMask;
        var page = LifecycleRules.MsiXChannelMatchesMask.Page;
        if (cpu < 32 && (mask & (1u << (int)cpu)) != 0)
        {
            if (cpu != channel.Parameters.CpuNumber)
            {
                Log.Report(LifecycleRules.MsiXChannelMatchesMask,
                    $"CpuNumber = {cpu} for {channel.Name}, the CPU in ProcessorAffinityMask {Hex(mask)} its MSI-X interrupt targets",
                    $"CpuNumber = {channel.Parameters.CpuNumber}, while its interrupt arrives on CPU {cpu}", page);
            }

            return;
        }

        var oneMessagePerChannel = Provider?.Attributes is { } attributes && GrantedMessages.Count == (int)attributes.DmaChannelCount;
        var couldHoldOne = CountCouldHoldOne(choice, mask);
        if (oneMessagePerChannel && choice.MatchingMessages > couldHoldOne)
        {
            Log.Report(LifecycleRules.MsiXChannelMatchesMask,
                $"a channel whose MSI-X interrupt targets a CPU in ProcessorAffinityMask {Hex(mask)} for {channel.Name} " +
                $"({choice.MatchingMessages} such message(s), at most {couldHoldOne} held by the {choice.LiveAtAllocation.Count} channel(s) live at allocation)",
                $"a channel whose interrupt arrives on CPU {cpu}, outside the mask", page);
        }
    }

    private static string CpuList(IEnumerable<uint> cpus) => string.Join(", ", cpus.Distinct().Order());
}
