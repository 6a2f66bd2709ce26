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

    internal HostChannel(string name, NetDmaChannelHandle handle, NetDmaChannelParameters parameters, MemoryBuffer completion, DescriptorRing ring,
        EngineProgress progress)
    {
        Progress = progress;
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

    /// <summary>NetDmaInterruptDpc calls made for this channel.</summary>
    public int DpcCount { get; private set; }

    /// <summary>
    /// The processors NetDmaInterruptDpc ran on for this channel, each once, lowest first: at most one entry per
    /// processor however long the channel runs, so a DPC records nothing new once its processor is known.
    /// </summary>
    public IReadOnlyList<uint> DpcProcessors => _dpcProcessors;

    private readonly List<uint> _dpcProcessors = new(capacity: 2);

    /// <summary>Records a NetDmaInterruptDpc call for the channel on <paramref name="cpu"/>.</summary>
    internal void RecordDpc(uint cpu)
    {
        DpcCount++;
        var at = _dpcProcessors.BinarySearch(cpu);
        if (at < 0)
        {
            _dpcProcessors.Insert(~at, cpu);
        }
    }

    /// <summary>Every descriptor physical address NetDMA submitted on this channel (the addresses <see cref="Progress"/> tracks).</summary>
    public IEnumerable<PhysicalAddress> Submitted => Progress.Descriptors.Keys;

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

    /// <summary>
    /// What the engine did with the channel's descriptors, as the bus shows it. Once the channel is freed its records go
    /// to the next channel the host allocates (<see cref="ReleaseProgress"/>), and this is the host's empty progress of
    /// freed channels, which tracks nothing.
    /// </summary>
    public EngineProgress Progress { get; private set; }

    /// <summary>
    /// True from the moment NetDMA starts linking an appended chain into the channel's last descriptor until its
    /// ProviderAppendDma returns: under schedule exploration the engine can read that link before the host has
    /// recorded the chain, and then NetDmaTransferStatusActive is faithful (NDMA5008).
    /// </summary>
    internal bool AppendInProgress { get; set; }

    /// <summary>
    /// Hands the freed channel's engine records back for reuse: after ProviderFreeDmaChannel only the channel's handle,
    /// ring and completion buffer matter (NDMA3015 is judged on them), so its per-descriptor records need not live on.
    /// </summary>
    /// <param name="released">What the freed channel shows from now on: the host's empty progress of freed channels.</param>
    internal EngineProgress ReleaseProgress(EngineProgress released)
    {
        var progress = Progress;
        Progress = released;
        progress.Recycle();
        return progress;
    }

    /// <summary>The last descriptor physical address the provider reported (NetDmaIsr, NetDmaInterruptDpc, pLastDescriptor).</summary>
    public PhysicalAddress LastReportedDescriptor { get; internal set; }
}
