using System.Buffers.Binary;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using static NetDma.Contracts.NetDma.NetDmaDescriptorControlFlags;
using static NetDma.Contracts.NetDma.NetDmaTransferStatus;

namespace NetDma.Samples.MinimalProvider;

/// <summary>
/// The sample's hardware: a copy engine walking each running channel's chain of 64-byte NET_DMA_DESCRIPTORs, one
/// descriptor per <see cref="Step"/>, touching memory only through the bus. Its other methods are its registers: the
/// driver writes them under its spin lock, after the handshake of <see cref="Channel.Held"/> and <see cref="Channel.Stepping"/>,
/// so a command takes effect between two steps even when the engine runs beside the driver. Replace it with your device.
/// <paramref name="counted"/> (NetDMA 2.0): a chain ends after its DescriptorCount; in 1.x, at a NULL NextDescriptor.
/// </summary>
internal sealed class CopyEngine(IDeviceBus bus, Channel[] channels, bool counted) : ISimulatedEngine
{
    private const uint PageSize = 4096;

    /// <summary>One descriptor of the first channel with work to do (real hardware runs its channels side by side).</summary>
    public bool Step() => !PoweredDown && Array.Exists(channels, StepOn);

    /// <summary>Set while the device is leaving or out of D0 (IRP_MN_SET_POWER): the engine processes nothing.</summary>
    public bool PoweredDown { get; set; }

    /// <summary>A new owner (or none, after a free): stopped, no history, nothing pending.</summary>
    public void Assign(Channel c, PhysicalAddress completionAddress)
    {
        (c.Running, c.Suspended, c.Faulted, c.StatusOn, c.InterruptPending, c.Reload) = (false, false, false, false, false, false);
        (c.Last, c.CompletionAddress) = (PhysicalAddress.Null, completionAddress);
    }

    /// <summary>The old chain is dropped (steps are whole descriptors, so none is half done) and this one runs.</summary>
    public bool Start(Channel c, PhysicalAddress first, uint count)
    {
        if (!IsDescriptor(first)) return false;
        (c.Next, c.Remaining, c.Last, c.Running, c.Suspended, c.Faulted, c.Reload) = (first, count, PhysicalAddress.Null, true, false, false, false);
        return true;
    }

    /// <summary>
    /// NetDMA has linked the chain's last descriptor to <paramref name="first"/>: an engine not yet past it follows the
    /// link; one at the end goes on at <paramref name="first"/>, what rereading the last one would find (ProviderAppendDma).
    /// </summary>
    public bool Append(Channel c, PhysicalAddress first, uint count)
    {
        if (!IsDescriptor(first) || (!c.Running && !c.Suspended)) return false; // Nothing to extend after abort, reset, fault.
        if (counted ? c.Remaining == 0 : c.Next.IsNull) c.Next = first;
        c.Remaining += count;
        return true;
    }

    /// <summary>Stops after the current descriptor, which is complete: steps are whole descriptors (NDMA3012).</summary>
    public bool Suspend(Channel c, out PhysicalAddress last)
    {
        last = c.Last;
        if (!c.Running) return false;
        (c.Running, c.Suspended) = (false, true);
        Report(c, NetDmaTransferStatusSuspend);
        return true;
    }

    /// <summary>NetDMA may have changed the chain while suspended: the next step rereads the last descriptor first (ProviderResumeDma).</summary>
    public bool Resume(Channel c)
    {
        if (!c.Suspended) return false;
        (c.Running, c.Suspended, c.Reload) = (true, false, !c.Last.IsNull);
        return true;
    }

    /// <summary>Abort, or reset: stop at once, report Halted, touch no submitted descriptor again (NDMA3013).</summary>
    public bool Halt(Channel c, bool reset)
    {
        (c.Running, c.Suspended) = (false, false);
        Report(c, NetDmaTransferStatusHalted);
        if (reset) Assign(c, c.CompletionAddress);
        return true;
    }

    private static bool IsDescriptor(PhysicalAddress address) => !address.IsNull && address.QuadPart % NetDmaDescriptor.SizeInBytes == 0;

    /// <summary>A step announces itself, then starts only if no command is held (the handshake's engine side).</summary>
    private bool StepOn(Channel c)
    {
        Volatile.Write(ref c.Stepping, 1);
        try
        {
            return Volatile.Read(ref c.Held) == 0 && Process(c);
        }
        finally
        {
            Volatile.Write(ref c.Stepping, 0);
        }
    }

    private bool Process(Channel c)
    {
        if (!c.Running || (counted && c.Remaining == 0)) return false;
        if (c.Reload)
        {
            if (!Fetch(c.Last, out var last)) return Fault(c, c.Last);
            (c.Next, c.Reload) = (last.NextDescriptor, false);
        }

        var address = c.Next;
        if (address.IsNull) return counted && Fault(c, c.Last); // 1.x: the chain's end. 2.0: owed but not linked: halt.
        if (!Fetch(address, out var d)) return Fault(c, address);
        if (Volatile.Read(ref c.Halting)) return true; // An abort or reset came: this descriptor moves no data (NDMA3013).
        if (!Copy(d)) return Fault(c, address);

        (c.Last, c.Next, c.Remaining) = (address, d.NextDescriptor, counted ? c.Remaining - 1 : 0);
        var status = (counted ? c.Remaining > 0 : !d.NextDescriptor.IsNull) ? NetDmaTransferStatusActive : NetDmaTransferStatusIdle;
        c.StatusOn |= d.ControlFlags.HasFlag(NET_DMA_STATUS_UPDATE_ON_COMPLETION);
        if (d.ControlFlags.HasFlag(NET_DMA_STATUS_UPDATE_ON_COMPLETION) && !Report(c, status)) return Fault(c, address);
        if (d.ControlFlags.HasFlag(NET_DMA_INTERRUPT_ON_COMPLETION)) Interrupt(c, address);
        return true;
    }

    /// <summary>Reads the 64-byte descriptor at <paramref name="address"/>, which must be 64-byte aligned.</summary>
    private bool Fetch(PhysicalAddress address, out NetDmaDescriptor descriptor)
    {
        Span<byte> image = stackalloc byte[NetDmaDescriptor.SizeInBytes];
        var read = IsDescriptor(address) && bus.DmaRead(address, image);
        descriptor = read ? NetDmaDescriptor.Read(image) : default;
        return read;
    }

    /// <summary>
    /// Moves the descriptor's bytes memory to memory with bus-master copies, in runs that end where either side's page
    /// break (2.0) continues it at its Next address. A null transfer and a DCA context change move none.
    /// </summary>
    private bool Copy(in NetDmaDescriptor d)
    {
        var flags = d.ControlFlags;
        if (flags.HasFlag(NET_DMA_NULL_TRANSFER) || (flags & NET_DMA_OP_TYPE_MASK) == NET_DMA_OP_TYPE_CONTEXT_CHANGE) return true;
        for (uint done = 0, run; done < d.TransferSize; done += run)
        {
            var (source, sourceLeft) = At(d.SourceAddress, d.NextSourceAddress, flags.HasFlag(NET_DMA_SOURCE_PAGE_BREAK), done);
            var (destination, destinationLeft) = At(d.DestinationAddress, d.NextDestinationAddress, flags.HasFlag(NET_DMA_DESTINATION_PAGE_BREAK), done);
            run = Math.Min(d.TransferSize - done, Math.Min(sourceLeft, destinationLeft));
            if (!bus.DmaCopy(source, destination, run)) return false;
        }

        return true;
    }

    /// <summary>Where byte <paramref name="offset"/> of one side lies, and how many bytes follow it there.</summary>
    private static (PhysicalAddress At, uint Left) At(PhysicalAddress start, PhysicalAddress next, bool pageBreak, uint offset)
    {
        var first = pageBreak ? PageSize - (uint)(start.QuadPart % PageSize) : uint.MaxValue;
        return offset < first ? (new(start.QuadPart + offset), first - offset) : (new(next.QuadPart + offset - first), uint.MaxValue);
    }

    /// <summary>The completion status: the last descriptor's address ORed with it (ns-netdma-_net_dma_channel_parameters.md).</summary>
    private bool Report(Channel c, NetDmaTransferStatus status)
    {
        Span<byte> value = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(value, c.Last.QuadPart | (ulong)status);
        return !c.StatusOn || c.CompletionAddress.IsNull || bus.DmaWrite(c.CompletionAddress, value);
    }

    /// <summary>A bus error halts the channel, reports Halted and interrupts, so the DPC can tell NetDMA (with NULL).</summary>
    private bool Fault(Channel c, PhysicalAddress descriptor)
    {
        Halt(c, reset: false);
        c.Faulted = true;
        Interrupt(c, descriptor);
        return true;
    }

    private void Interrupt(Channel c, PhysicalAddress descriptor)
    {
        (c.InterruptPending, c.InterruptDescriptor) = (true, descriptor);
        bus.RequestInterrupt(c.MessageId);
    }
}
