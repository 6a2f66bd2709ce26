using NetDma.ConformanceKit.Memory;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Host;

/// <summary>
/// One channel as the NetDMA host tracks it: the script's name for it, NetDMA's handle, the provider's context and
/// the parameters it was allocated with (including the CpuNumber the provider reported), its completion-status
/// buffer, its descriptor ring, and what the provider reported back through NetDmaIsr and NetDmaInterruptDpc.
/// </summary>
public sealed class HostChannel
{
    /// <summary>
    /// Under schedule exploration: the channel's completion count when a DPC started on each CPU. The engine goes on
    /// while a DPC runs, so the descriptor that was the last completed at any moment since then is a faithful report.
    /// </summary>
    internal Dictionary<uint, long> CompletionsAtDpcStart { get; } = [];

    /// <summary>Under schedule exploration: whether the engine had stopped on an error when a DPC started on each CPU.</summary>
    internal Dictionary<uint, bool> FaultedAtDpcStart { get; } = [];

    internal HostChannel(string name, NetDmaChannelHandle handle, NetDmaChannelParameters parameters, MemoryBuffer completion, DescriptorRing ring)
    {
        Name = name;
        Handle = handle;
        Parameters = parameters;
        Completion = completion;
        Ring = ring;
    }

    /// <summary>The script's name for the channel (<c>ch0</c>).</summary>
    public string Name { get; }

    /// <summary>NetDMA's handle for the channel.</summary>
    public NetDmaChannelHandle Handle { get; }

    /// <summary>The parameters passed to ProviderAllocateDmaChannel, with the provider's CpuNumber.</summary>
    public NetDmaChannelParameters Parameters { get; }

    /// <summary>The 8-byte completion status location (CompletionVirtualAddress/CompletionPhysicalAddress).</summary>
    public MemoryBuffer Completion { get; }

    /// <summary>The descriptor memory NetDMA builds this channel's chains in.</summary>
    public DescriptorRing Ring { get; }

    /// <summary>The provider's channel context (pProviderChannelContext); null until allocation succeeds.</summary>
    public object? ProviderContext { get; internal set; }

    /// <summary>Where the channel is in its lifecycle.</summary>
    public ChannelState State { get; internal set; } = ChannelState.NeedsStart;

    /// <summary>NetDmaIsr calls made for this channel.</summary>
    public int IsrCount { get; internal set; }

    /// <summary>The processor of each NetDmaInterruptDpc call for this channel, in order.</summary>
    public List<uint> DpcProcessors { get; } = [];

    /// <summary>Every descriptor physical address NetDMA submitted on this channel.</summary>
    public HashSet<PhysicalAddress> Submitted { get; } = [];

    /// <summary>
    /// Descriptors a successful ProviderAbortDma or ProviderResetChannel discarded: the engine must never fetch them
    /// again (NDMA3013). Each entry names the handler that discarded it.
    /// </summary>
    public Dictionary<PhysicalAddress, string> Discarded { get; } = [];

    /// <summary>
    /// With MSI-X, the CPU the channel's first NetDmaIsr ran on (the target of the message its interrupt uses), or
    /// null before it (NDMA3026).
    /// </summary>
    public uint? InterruptCpu { get; internal set; }

    /// <summary>With MSI-X, what the allocation could choose from (NDMA3026); null without MSI-X.</summary>
    internal MsiXAllocationChoice? MsiXChoice { get; init; }

    /// <summary>What the engine did with the channel's descriptors, as the bus shows it.</summary>
    public EngineProgress Progress { get; } = new();

    /// <summary>
    /// True from the moment NetDMA starts linking an appended chain into the channel's last descriptor until its
    /// ProviderAppendDma returns: under schedule exploration the engine can read that link before the host has
    /// recorded the chain, and then NetDmaTransferStatusActive is faithful (NDMA5008).
    /// </summary>
    internal bool AppendInProgress { get; set; }

    /// <summary>The last descriptor physical address the provider reported (NetDmaIsr, NetDmaInterruptDpc, pLastDescriptor).</summary>
    public PhysicalAddress LastReportedDescriptor { get; internal set; }
}
