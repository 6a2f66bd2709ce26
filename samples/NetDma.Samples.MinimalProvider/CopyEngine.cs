using System.Buffers.Binary;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using static NetDma.Contracts.NetDma.NetDmaDescriptorControlFlags;
using static NetDma.Contracts.NetDma.NetDmaTransferStatus;

namespace NetDma.Samples.MinimalProvider;

/// <summary>
/// The sample's hardware: a copy engine walking each running channel's chain of 64-byte NET_DMA_DESCRIPTORs, one
/// descriptor per <see cref="Step"/>, touching memory only through the bus. Its other methods are its registers: the
/// driver writes them under its spin lock; a command takes effect between two steps. Replace it with your device.
/// </summary>
/// <param name="bus">The bus the engine masters.</param>
/// <param name="channels">The channel table.</param>
/// <param name="counted">NetDMA 2.0: a chain ends after its DescriptorCount; 1.x: at a NULL NextDescriptor.</param>
/// <param name="maximumTransferSize">A descriptor that moves more is an error (NET_DMA_PROVIDER_ATTRIBUTES).</param>
internal sealed class CopyEngine(IDeviceBus bus, Channel[] channels, bool counted, uint maximumTransferSize) : ISimulatedEngine
{
    private int _next; // Round-robin, so one long chain cannot starve the other channels.

    public bool Step()
    {
        for (var k = 0; k < channels.Length; k++)
        {
            var index = (_next + k) % channels.Length;
            if (!Process(channels[index])) continue;
            _next = (index + 1) % channels.Length;
            return true;
        }

        return false;
    }

    /// <summary>A new owner (or none, after a free): stopped, no history, nothing pending.</summary>
    public void Assign(Channel c, PhysicalAddress completionAddress)
    {
        _ = Start(c, PhysicalAddress.Null, 0); // Forget the chain, then stop.
        (c.Running, c.StatusOn, c.InterruptPending, c.CompletionAddress) = (false, false, false, completionAddress);
    }

    /// <summary>The old chain is dropped (steps are whole descriptors, so none is half done) and this one runs.</summary>
    public bool Start(Channel c, PhysicalAddress first, uint count)
    {
        (c.Next, c.Remaining, c.Last, c.Reread, c.Running, c.Suspended, c.Faulted) = (first, count, PhysicalAddress.Null, false, true, false, false);
        return true;
    }

    public bool Append(Channel c, uint count)
    {
        if (!c.Running && !c.Suspended) return false; // Nothing started to extend (aborted, reset or faulted).
        c.Reread |= !c.Last.IsNull && (counted ? c.Remaining == 0 : c.Next.IsNull); // At the end: reread the last one,
        c.Remaining += count;                                                        // which NetDMA linked to the new chain.
        return true;
    }

    public bool Suspend(Channel c, out PhysicalAddress last)
    {
        last = c.Last; // The current descriptor is complete: steps are whole descriptors (NDMA3012).
        if (!c.Running) return false;
        (c.Running, c.Suspended) = (false, true);
        Report(c, NetDmaTransferStatusSuspend);
        return true;
    }

    public bool Resume(Channel c)
    {
        if (!c.Suspended) return false;
        (c.Running, c.Suspended, c.Reread) = (true, false, c.Reread || !c.Last.IsNull); // The chain may have changed.
        return true;
    }

    /// <summary>Abort, or reset: stop at once, report Halted, touch no submitted descriptor again (NDMA3013).</summary>
    public bool Halt(Channel c, bool reset)
    {
        Report(c, NetDmaTransferStatusHalted);
        if (reset) Assign(c, c.CompletionAddress); else (c.Running, c.Suspended, c.Next, c.Remaining) = (false, false, PhysicalAddress.Null, 0);
        return true;
    }

    private bool Process(Channel c)
    {
        if (!c.Running || (counted && c.Remaining == 0)) return false;
        if (c.Reread)
        {
            if (!Fetch(c.Last, out var last)) return Fault(c, c.Last);
            (c.Next, c.Reread) = (last.NextDescriptor, false);
        }

        var address = c.Next;
        if (address.IsNull) return counted && Fault(c, c.Last); // 1.x: the chain's end. 2.0: owed but not linked: halt.
        if (address.QuadPart % NetDmaDescriptor.SizeInBytes != 0 || !Fetch(address, out var d) || !Copy(d)) return Fault(c, address);

        (c.Last, c.Next, c.Remaining) = (address, d.NextDescriptor, counted ? c.Remaining - 1 : 0);
        var status = (counted ? c.Remaining > 0 : !d.NextDescriptor.IsNull) ? NetDmaTransferStatusActive : NetDmaTransferStatusIdle;
        c.StatusOn |= d.ControlFlags.HasFlag(NET_DMA_STATUS_UPDATE_ON_COMPLETION);
        if (d.ControlFlags.HasFlag(NET_DMA_STATUS_UPDATE_ON_COMPLETION) && !Report(c, status)) return Fault(c, address);
        if (d.ControlFlags.HasFlag(NET_DMA_INTERRUPT_ON_COMPLETION)) Interrupt(c, address);
        return true;
    }

    private bool Fetch(PhysicalAddress address, out NetDmaDescriptor descriptor)
    {
        Span<byte> image = stackalloc byte[NetDmaDescriptor.SizeInBytes];
        var read = bus.DmaRead(address, image);
        descriptor = read ? NetDmaDescriptor.Read(image) : default;
        return read;
    }

    /// <summary>Moves the bytes; a null transfer (or a DCA context change, which carries no size) moves none.</summary>
    private bool Copy(in NetDmaDescriptor d)
    {
        var flags = d.ControlFlags;
        if (flags.HasFlag(NET_DMA_NULL_TRANSFER) || (flags & NET_DMA_OP_TYPE_MASK) == NET_DMA_OP_TYPE_CONTEXT_CHANGE) return true;
        if (d.TransferSize > maximumTransferSize) return false;
        var data = new byte[d.TransferSize];
        return Access(d.SourceAddress, d.NextSourceAddress, flags.HasFlag(NET_DMA_SOURCE_PAGE_BREAK), data, read: true)
            && Access(d.DestinationAddress, d.NextDestinationAddress, flags.HasFlag(NET_DMA_DESTINATION_PAGE_BREAK), data, read: false);
    }

    /// <summary>With a page break, the bytes past the end of <paramref name="start"/>'s 4 KiB page are at <paramref name="next"/>.</summary>
    private bool Access(PhysicalAddress start, PhysicalAddress next, bool pageBreak, byte[] data, bool read)
    {
        var first = pageBreak ? (int)Math.Min((ulong)data.Length, 4096 - (start.QuadPart % 4096)) : data.Length;
        return Move(start, data.AsSpan(0, first), read) && (first == data.Length || Move(next, data.AsSpan(first), read));
    }

    private bool Move(PhysicalAddress at, Span<byte> bytes, bool read) => read ? bus.DmaRead(at, bytes) : bus.DmaWrite(at, bytes);

    /// <summary>The completion status: the last descriptor's address ORed with the status (ns-netdma-_net_dma_channel_parameters.md).</summary>
    private bool Report(Channel c, NetDmaTransferStatus status)
    {
        Span<byte> value = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(value, c.Last.QuadPart | (ulong)status);
        return !c.StatusOn || c.CompletionAddress.IsNull || bus.DmaWrite(c.CompletionAddress, value);
    }

    /// <summary>A bus error halts the channel, reports Halted and interrupts, so the DPC can tell NetDMA (with NULL).</summary>
    private bool Fault(Channel c, PhysicalAddress descriptor)
    {
        (c.Running, c.Suspended, c.Faulted) = (false, false, true);
        Report(c, NetDmaTransferStatusHalted);
        Interrupt(c, descriptor);
        return true;
    }

    private void Interrupt(Channel c, PhysicalAddress descriptor)
    {
        (c.InterruptPending, c.InterruptDescriptor) = (true, descriptor);
        bus.RequestInterrupt(c.MessageId);
    }
}
