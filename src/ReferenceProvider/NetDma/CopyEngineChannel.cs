using NetDma.Contracts.Platform;

namespace NetDma.ReferenceProvider.NetDma;

/// <summary>
/// The register file of one <see cref="CopyEngine"/> channel: how the hardware remembers where it is in a chain.
/// Only the engine reads and writes it; the driver reaches it through the engine's commands.
/// </summary>
internal sealed class CopyEngineChannel
{
    /// <summary>The run state.</summary>
    public CopyEngineChannelState State { get; set; }

    /// <summary>The interrupt the channel signals: its MSI-X message number, or 0 for the line-based interrupt.</summary>
    public uint MessageId { get; set; }

    /// <summary>Where the completion status goes (the channel's CompletionPhysicalAddress); NULL when none.</summary>
    public PhysicalAddress CompletionStatusAddress { get; set; }

    /// <summary>
    /// True once a descriptor with NET_DMA_STATUS_UPDATE_ON_COMPLETION was processed on the channel since it was
    /// assigned or reset: status reporting is "enabled", so Suspend, Abort, Reset and faults report their status too.
    /// </summary>
    public bool StatusReportingEnabled { get; set; }

    /// <summary>The next descriptor to fetch, when <see cref="NextDescriptorKnown"/>.</summary>
    public PhysicalAddress NextDescriptor { get; set; }

    /// <summary>
    /// False when the engine must first reread <see cref="LastProcessed"/> for its NextDescriptor (after an append at
    /// the end of the chain, or a resume).
    /// </summary>
    public bool NextDescriptorKnown { get; set; } = true;

    /// <summary>
    /// The command handshake, driver side: commands the driver holds open on the channel (<see cref="CopyEngine.BeginCommand"/>).
    /// No step starts while one is held.
    /// </summary>
    public int CommandsHeld;

    /// <summary>The command handshake, engine side: 1 while a step runs on the channel; a command waits for it to end.</summary>
    public int Stepping;

    /// <summary>True while the open command is an abort or a reset: a step that has fetched its descriptor moves none of its data.</summary>
    public bool Halting;

    /// <summary>NetDMA 2.0: descriptors submitted by start and append and not yet processed.</summary>
    public uint DescriptorsRemaining { get; set; }

    /// <summary>True once a descriptor of the chain loaded by the last start was processed.</summary>
    public bool ProcessedSinceStart { get; set; }

    /// <summary>Physical address of the last descriptor processed (NULL after assignment or reset).</summary>
    public PhysicalAddress LastProcessed { get; set; }

    /// <summary>The interrupt status bit: set when the channel signals an interrupt, cleared when the ISR acknowledges it.</summary>
    public bool InterruptPending { get; set; }

    /// <summary>The descriptor the pending interrupt is about.</summary>
    public PhysicalAddress InterruptDescriptor { get; set; }

    /// <summary>Forgets the loaded chain: nothing to fetch until the next start.</summary>
    public void DiscardChain()
    {
        NextDescriptor = PhysicalAddress.Null;
        NextDescriptorKnown = true;
        DescriptorsRemaining = 0;
        ProcessedSinceStart = false;
    }

    /// <summary>Returns to the state of a freshly assigned channel, keeping its interrupt routing and completion address.</summary>
    public void ClearHistory()
    {
        State = CopyEngineChannelState.Stopped;
        DiscardChain();
        LastProcessed = PhysicalAddress.Null;
        StatusReportingEnabled = false;
        InterruptPending = false;
        InterruptDescriptor = PhysicalAddress.Null;
    }
}
