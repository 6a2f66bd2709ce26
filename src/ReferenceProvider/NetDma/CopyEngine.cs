using System.Buffers.Binary;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ReferenceProvider.NetDma;

/// <summary>
/// The reference provider's DMA engine: a software model of memory-to-memory copy hardware with several channels,
/// each walking a chain of 64-byte NET_DMA_DESCRIPTORs in physical memory.
/// </summary>
/// <remarks>
/// <para>
/// It is hardware. It does its work only in <see cref="Step"/>, when the platform's hardware clock lets it run, one
/// descriptor per step; it touches memory only through the <see cref="IDeviceBus"/> and never calls a kernel or
/// NetDMA routine (hardware has no IRQL). The other public members are its registers: the commands the driver
/// writes (start, append, suspend, resume, abort, reset) and the status it reads (the interrupt status, the last
/// processed descriptor). A command takes effect at once, between two steps; suspend, abort and reset write their
/// completion status through the bus before they return, as the engine's reaction to the command.
/// </para>
/// <para>
/// Chain ends (nc-netdma-dma_start_handler.md, nc-netdma-dma_append_handler.md): in NetDMA 1.x the last descriptor's
/// NextDescriptor is NULL; in NetDMA 2.0 it is not NULL-terminated, so the engine counts the DescriptorCount of start
/// and append and never fetches beyond them (the last NextDescriptor names where the next append will begin, which
/// NetDMA has not submitted yet; rule NDMA5002).
/// </para>
/// <para>
/// The driver serializes its commands to one channel with that channel's spin lock; the platform interleaves
/// <see cref="Step"/> with software calls (ISimulatedEngine.cs), so sequentially a command never lands in the middle of a
/// step. Under schedule exploration one could (a bus access is a scheduling point), so commands go through a handshake,
/// as a real engine's command register does: the driver opens a command with <see cref="BeginCommand"/> and waits
/// while <see cref="IsStepping"/>; the engine starts no step on a channel with a command open, so every command takes
/// effect between two steps: a suspend after the current descriptor completed, as nc-netdma-dma_suspend_handler.md
/// requires. An abort or reset stops the transfer "without completing the transfer of the data that is associated
/// with the current DMA descriptor" (nc-netdma-dma_abort_handler.md): a step that has fetched its descriptor when one
/// comes moves none of its data (docs/concurrency.md, "Races found in the reference provider").
/// </para>
/// </remarks>
public sealed class CopyEngine : ISimulatedEngine
{
    private readonly IDeviceBus _bus;
    private readonly CopyEngineChannel[] _channels;
    private readonly bool _chainsAreCounted;
    private readonly uint _maximumTransferSize;
    private int _nextChannel;

    /// <summary>Creates an engine with <paramref name="channelCount"/> stopped channels.</summary>
    /// <param name="bus">The bus the engine masters: physical memory and interrupts.</param>
    /// <param name="channelCount">Number of hardware channels (at least 1).</param>
    /// <param name="chainsAreCounted">
    /// True for NetDMA 2.0 chains (counted by DescriptorCount), false for NetDMA 1.x chains (NULL-terminated).
    /// </param>
    /// <param name="maximumTransferSize">Largest TransferSize one descriptor may have, in bytes (NET_DMA_PROVIDER_ATTRIBUTES.MaximumTransferSize).</param>
    public CopyEngine(IDeviceBus bus, int channelCount, bool chainsAreCounted, uint maximumTransferSize)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentOutOfRangeException.ThrowIfLessThan(channelCount, 1);
        _bus = bus;
        _channels = new CopyEngineChannel[channelCount];
        for (var i = 0; i < channelCount; i++)
        {
            _channels[i] = new CopyEngineChannel();
        }

        _chainsAreCounted = chainsAreCounted;
        _maximumTransferSize = maximumTransferSize;
    }

    /// <summary>Number of hardware channels.</summary>
    public int ChannelCount => _channels.Length;

    /// <summary>True between <see cref="PowerDown"/> and <see cref="PowerUp"/>: the engine processes no descriptor.</summary>
    public bool PoweredDown { get; private set; }

    /// <summary>
    /// Stops the engine before its device leaves D0 (IRP_MN_SET_POWER PowerDeviceD3). The channels keep their
    /// registers, as the driver would save and restore them around the low-power state.
    /// </summary>
    public void PowerDown() => PoweredDown = true;

    /// <summary>Lets the engine run again once its device is back in D0 (IRP_MN_SET_POWER PowerDeviceD0).</summary>
    public void PowerUp() => PoweredDown = false;

    /// <summary>True when the engine walks NetDMA 2.0 (counted) chains, false for NetDMA 1.x (NULL-terminated) chains.</summary>
    public bool ChainsAreCounted => _chainsAreCounted;

    /// <summary>Routes channel <paramref name="channel"/>'s interrupt to MSI-X message <paramref name="messageId"/> (0 for the line-based interrupt).</summary>
    /// <param name="channel">Hardware channel number.</param>
    /// <param name="messageId">The message number the channel signals.</param>
    public void RouteInterrupt(int channel, uint messageId) => _channels[channel].MessageId = messageId;

    /// <summary>
    /// Prepares a channel for a new owner (ProviderAllocateDmaChannel): stopped, no history, completion status at
    /// <paramref name="completionStatusAddress"/> (NULL for none).
    /// </summary>
    /// <param name="channel">Hardware channel number.</param>
    /// <param name="completionStatusAddress">The channel's CompletionPhysicalAddress.</param>
    public void Assign(int channel, PhysicalAddress completionStatusAddress)
    {
        var registers = _channels[channel];
        registers.ClearHistory();
        registers.CompletionStatusAddress = completionStatusAddress;
    }

    /// <summary>
    /// Stops a channel whose owner is gone (ProviderFreeDmaChannel) without touching memory: after the free the
    /// engine makes no access for it (rule NDMA3015), and any pending interrupt is dropped.
    /// </summary>
    /// <param name="channel">Hardware channel number.</param>
    public void Release(int channel)
    {
        var registers = _channels[channel];
        registers.ClearHistory();
        registers.CompletionStatusAddress = PhysicalAddress.Null;
    }

    /// <summary>
    /// Opens a command on <paramref name="channel"/>: from now until <see cref="EndCommand"/> the engine starts no step
    /// on it. The driver then waits while <see cref="IsStepping"/> (a step that began before), and gives the command.
    /// </summary>
    /// <param name="channel">Hardware channel number.</param>
    /// <param name="halts">True for an abort or a reset: a step that has fetched its descriptor drops it unmoved.</param>
    public void BeginCommand(int channel, bool halts)
    {
        var registers = _channels[channel];
        Volatile.Write(ref registers.Halting, halts);
        Interlocked.Increment(ref registers.CommandsHeld);
    }

    /// <summary>True while a step runs on <paramref name="channel"/>.</summary>
    /// <param name="channel">Hardware channel number.</param>
    public bool IsStepping(int channel) => Volatile.Read(ref _channels[channel].Stepping) != 0;

    /// <summary>Closes the command <see cref="BeginCommand"/> opened: the engine may step the channel again.</summary>
    /// <param name="channel">Hardware channel number.</param>
    public void EndCommand(int channel)
    {
        var registers = _channels[channel];
        Interlocked.Decrement(ref registers.CommandsHeld);
        Volatile.Write(ref registers.Halting, false);
    }

    /// <summary>
    /// Start command (ProviderStartDma): drop the current chain and run the one at <paramref name="firstDescriptor"/>.
    /// The current descriptor is never half done (a step is atomic), so "after it completes any processing on the
    /// current descriptor" holds (nc-netdma-dma_start_handler.md). Valid in every state.
    /// </summary>
    /// <param name="channel">Hardware channel number.</param>
    /// <param name="firstDescriptor">Physical address of the first descriptor (64-byte aligned).</param>
    /// <param name="descriptorCount">Descriptors in the chain (used for NetDMA 2.0 chains).</param>
    public void Start(int channel, PhysicalAddress firstDescriptor, uint descriptorCount)
    {
        var registers = _channels[channel];
        registers.DiscardChain();
        registers.NextDescriptor = firstDescriptor;
        registers.DescriptorsRemaining = descriptorCount;
        registers.State = CopyEngineChannelState.Running;
    }

    /// <summary>
    /// Append command (ProviderAppendDma). NetDMA has already linked the old last descriptor's NextDescriptor to the
    /// new chain. If the engine had reached the end of its chain it rereads the last descriptor for the new
    /// NextDescriptor; otherwise it just continues (nc-netdma-dma_append_handler.md).
    /// </summary>
    /// <param name="channel">Hardware channel number.</param>
    /// <param name="descriptorCount">Descriptors appended (used for NetDMA 2.0 chains).</param>
    /// <returns>False when the channel has no started chain to extend (not started, aborted, reset or faulted).</returns>
    public bool Append(int channel, uint descriptorCount)
    {
        var registers = _channels[channel];
        if (registers.State is not (CopyEngineChannelState.Running or CopyEngineChannelState.Suspended))
        {
            return false;
        }

        var wasAtEnd = _chainsAreCounted
            ? registers.DescriptorsRemaining == 0
            : registers.NextDescriptorKnown && registers.NextDescriptor.IsNull;
        if (_chainsAreCounted)
        {
            registers.DescriptorsRemaining += descriptorCount;
        }

        if (wasAtEnd && registers.ProcessedSinceStart)
        {
            registers.NextDescriptorKnown = false;
        }

        return true;
    }

    /// <summary>
    /// Suspend command (ProviderSuspendDma): the engine processes whole descriptors per step, so the current one is
    /// already complete; it processes nothing more, writes NetDmaTransferStatusSuspend when status reporting is enabled,
    /// and reports the last processed descriptor (nc-netdma-dma_suspend_handler.md; rule NDMA3012).
    /// </summary>
    /// <param name="channel">Hardware channel number.</param>
    /// <param name="lastProcessed">The last descriptor processed (NULL when none was since assignment or reset).</param>
    /// <returns>False when the channel is not running.</returns>
    public bool Suspend(int channel, out PhysicalAddress lastProcessed)
    {
        var registers = _channels[channel];
        lastProcessed = registers.LastProcessed;
        if (registers.State != CopyEngineChannelState.Running)
        {
            return false;
        }

        registers.State = CopyEngineChannelState.Suspended;
        ReportStatus(registers, NetDmaTransferStatus.NetDmaTransferStatusSuspend);
        return true;
    }

    /// <summary>
    /// Resume command (ProviderResumeDma): run again, first rereading the last processed descriptor for its new
    /// NextDescriptor, since NetDMA may have changed the chain while suspended (nc-netdma-dma_resume_handler.md).
    /// </summary>
    /// <param name="channel">Hardware channel number.</param>
    /// <returns>False when the channel is not suspended.</returns>
    public bool Resume(int channel)
    {
        var registers = _channels[channel];
        if (registers.State != CopyEngineChannelState.Suspended)
        {
            return false;
        }

        registers.State = CopyEngineChannelState.Running;
        if (registers.ProcessedSinceStart)
        {
            registers.NextDescriptorKnown = false;
        }

        return true;
    }

    /// <summary>
    /// Abort command (ProviderAbortDma): stop at once, write NetDmaTransferStatusHalted when status reporting is
    /// enabled, and forget the chain; only a new start makes the channel run (nc-netdma-dma_abort_handler.md;
    /// rule NDMA3013). A pending interrupt for an already processed descriptor stays pending.
    /// </summary>
    /// <param name="channel">Hardware channel number.</param>
    public void Abort(int channel)
    {
        var registers = _channels[channel];
        ReportStatus(registers, NetDmaTransferStatus.NetDmaTransferStatusHalted);
        registers.State = CopyEngineChannelState.Stopped;
        registers.DiscardChain();
    }

    /// <summary>
    /// Reset command (ProviderResetChannel): as <see cref="Abort"/>, then back to the just-assigned state: no
    /// submitted descriptor is touched again, nothing is pending (nc-netdma-dma_reset_handler.md; rule NDMA3013).
    /// </summary>
    /// <param name="channel">Hardware channel number.</param>
    public void Reset(int channel)
    {
        var registers = _channels[channel];
        ReportStatus(registers, NetDmaTransferStatus.NetDmaTransferStatusHalted);
        registers.ClearHistory();
    }

    /// <summary>The channel's run state (its status register).</summary>
    /// <param name="channel">Hardware channel number.</param>
    public CopyEngineChannelState GetState(int channel) => _channels[channel].State;

    /// <summary>The physical address of the last descriptor the channel processed, or NULL when none.</summary>
    /// <param name="channel">Hardware channel number.</param>
    public PhysicalAddress GetLastProcessedDescriptor(int channel) => _channels[channel].LastProcessed;

    /// <summary>
    /// Reads and clears the channel's interrupt status, as an ISR does with a read-to-clear register.
    /// </summary>
    /// <param name="channel">Hardware channel number.</param>
    /// <param name="descriptor">The descriptor the interrupt is about: the last one processed when it was signaled.</param>
    /// <returns>True when the channel had signaled an interrupt not yet acknowledged.</returns>
    public bool AcknowledgeInterrupt(int channel, out PhysicalAddress descriptor)
    {
        var registers = _channels[channel];
        descriptor = registers.InterruptDescriptor;
        if (!registers.InterruptPending)
        {
            return false;
        }

        registers.InterruptPending = false;
        return true;
    }

    /// <summary>
    /// One unit of hardware work: the next running channel with work, in round-robin order, processes one descriptor.
    /// </summary>
    /// <returns>True when a channel did work; false when every channel is idle.</returns>
    public bool Step()
    {
        // A powered-down engine does nothing: its device is leaving or out of D0.
        if (PoweredDown)
        {
            return false;
        }

        // Round robin from _nextChannel, wrapping by comparison rather than by a remainder (an integer division per
        // channel looked at, on every step).
        var channels = _channels;
        var channel = _nextChannel;
        for (var k = 0; k < channels.Length; k++)
        {
            if (StepChannel(channels[channel]))
            {
                _nextChannel = channel + 1 == channels.Length ? 0 : channel + 1;
                return true;
            }

            channel = channel + 1 == channels.Length ? 0 : channel + 1;
        }

        return false;
    }

    /// <summary>One step on a channel, announced first and only with no command open (the command handshake).</summary>
    private bool StepChannel(CopyEngineChannel registers)
    {
        Volatile.Write(ref registers.Stepping, 1);
        try
        {
            return !CommandOpen(registers) && ProcessOneDescriptor(registers);
        }
        finally
        {
            Volatile.Write(ref registers.Stepping, 0);
        }
    }

    private static bool CommandOpen(CopyEngineChannel registers) => Volatile.Read(ref registers.CommandsHeld) != 0;

    private bool ProcessOneDescriptor(CopyEngineChannel registers)
    {
        if (registers.State != CopyEngineChannelState.Running)
        {
            return false;
        }

        if (_chainsAreCounted && registers.DescriptorsRemaining == 0)
        {
            return false;
        }

        if (!registers.NextDescriptorKnown)
        {
            // Reread the last processed descriptor: its NextDescriptor may have been set since the engine read it
            // (nc-netdma-dma_append_handler.md, nc-netdma-dma_resume_handler.md).
            if (!TryFetch(registers.LastProcessed, out var last))
            {
                Fault(registers, registers.LastProcessed);
                return true;
            }

            registers.NextDescriptor = last.NextDescriptor;
            registers.NextDescriptorKnown = true;
        }

        var address = registers.NextDescriptor;
        if (address.IsNull)
        {
            if (!_chainsAreCounted)
            {
                return false; // NetDMA 1.x: the end of the chain; an append makes the engine reread the last descriptor.
            }

            // NetDMA 2.0: descriptors are still owed but the chain points nowhere. Halt rather than fetch address 0.
            Fault(registers, registers.LastProcessed);
            return true;
        }

        if (address.QuadPart % NetDmaDescriptor.SizeInBytes != 0 || !TryFetch(address, out var descriptor))
        {
            Fault(registers, address);
            return true;
        }

        if (Volatile.Read(ref registers.Halting))
        {
            // An abort or reset came while the descriptor was fetched: none of its data moves.
            return true;
        }

        if (!TryTransfer(descriptor))
        {
            Fault(registers, address);
            return true;
        }

        var next = descriptor.NextDescriptor;

        registers.LastProcessed = address;
        registers.ProcessedSinceStart = true;
        registers.NextDescriptor = next;
        if (_chainsAreCounted)
        {
            registers.DescriptorsRemaining--;
        }

        var morePending = _chainsAreCounted ? registers.DescriptorsRemaining > 0 : !next.IsNull;
        if ((descriptor.ControlFlags & NetDmaDescriptorControlFlags.NET_DMA_STATUS_UPDATE_ON_COMPLETION) != 0)
        {
            registers.StatusReportingEnabled = true;
            var status = morePending ? NetDmaTransferStatus.NetDmaTransferStatusActive : NetDmaTransferStatus.NetDmaTransferStatusIdle;
            if (!ReportStatus(registers, status))
            {
                Fault(registers, address);
                return true;
            }
        }

        if ((descriptor.ControlFlags & NetDmaDescriptorControlFlags.NET_DMA_INTERRUPT_ON_COMPLETION) != 0)
        {
            SignalInterrupt(registers, address);
        }

        return true;
    }

    private bool TryFetch(PhysicalAddress address, out NetDmaDescriptor descriptor)
    {
        Span<byte> image = stackalloc byte[NetDmaDescriptor.SizeInBytes];
        if (!_bus.DmaRead(address, image))
        {
            descriptor = default;
            return false;
        }

        descriptor = NetDmaDescriptor.Read(image);
        return true;
    }

    /// <summary>Moves the descriptor's bytes; false when a bus access failed or the transfer is too large.</summary>
    private bool TryTransfer(in NetDmaDescriptor descriptor)
    {
        var flags = descriptor.ControlFlags;

        // NET_DMA_NULL_TRANSFER: no data moves (ns-netdma-_net_dma_descriptor.md). A DCA context change descriptor
        // (op type NET_DMA_OP_TYPE_CONTEXT_CHANGE) carries a context, not a size, and moves no data either; this
        // engine does not claim DCA support, so it keeps no DCA target.
        if ((flags & NetDmaDescriptorControlFlags.NET_DMA_NULL_TRANSFER) != 0
            || (flags & NetDmaDescriptorControlFlags.NET_DMA_OP_TYPE_MASK) == NetDmaDescriptorControlFlags.NET_DMA_OP_TYPE_CONTEXT_CHANGE)
        {
            return true;
        }

        if (descriptor.TransferSize > _maximumTransferSize)
        {
            return false;
        }

        // Memory to memory as copy hardware does it: one bus-master copy per contiguous run, no staging buffer, and no
        // allocation per descriptor (the runs live on the stack).
        Span<TransferSegment> segments = stackalloc TransferSegment[TransferSegmentation.MaximumSegmentCount];
        var count = TransferSegmentation.Split(descriptor, segments);
        for (var i = 0; i < count; i++)
        {
            if (!_bus.DmaCopy(segments[i].Source, segments[i].Destination, segments[i].Length))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes the completion status when reporting is enabled and an address was given; false when the write failed.</summary>
    private bool ReportStatus(CopyEngineChannel registers, NetDmaTransferStatus status)
    {
        if (!registers.StatusReportingEnabled || registers.CompletionStatusAddress.IsNull)
        {
            return true;
        }

        // The 8 bytes CompletionStatus.ToBytes gives, on the stack: the engine writes one at every completion.
        Span<byte> bytes = stackalloc byte[CompletionStatus.SizeInBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, CompletionStatus.Encode(registers.LastProcessed, status));
        return _bus.DmaWrite(registers.CompletionStatusAddress, bytes);
    }

    /// <summary>
    /// A bus error halts the channel: NetDmaTransferStatusHalted when reporting is enabled ("aborted because of
    /// errors", ns-netdma-_net_dma_channel_parameters.md) and an interrupt, so the DPC can tell NetDMA with a NULL
    /// descriptor (handling-a-netdma-interrupt-dpc.md).
    /// </summary>
    private void Fault(CopyEngineChannel registers, PhysicalAddress descriptor)
    {
        registers.State = CopyEngineChannelState.Faulted;
        _ = ReportStatus(registers, NetDmaTransferStatus.NetDmaTransferStatusHalted);
        SignalInterrupt(registers, descriptor);
    }

    private void SignalInterrupt(CopyEngineChannel registers, PhysicalAddress descriptor)
    {
        registers.InterruptPending = true;
        registers.InterruptDescriptor = descriptor;
        _bus.RequestInterrupt(registers.MessageId);
    }
}
