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
/// <paramref name="counted"/> (NetDMA 2.0): a chain ends after its DescriptorCount; in 1.x, at a NULL NextDescriptor.
/// </summary>
internal sealed class CopyEngine(IDeviceBus bus, Channel[] channels, bool counted) : ISimulatedEngine
{
    /// <summary>One descriptor of the first channel with work to do (real hardware runs its channels side by side).</summary>
    public bool Step() => !PoweredDown && channels.Any(Process);

    /// <summary>Set while the device is leaving or out of D0 (IRP_MN_SET_POWER): the engine processes nothing.</summary>
    public bool PoweredDown { get; set; }

    /// <summary>Descriptors are 64 bytes, 64-byte aligned (ns-netdma-_net_dma_descriptor.md).</summary>
    public static bool IsDescriptor(PhysicalAddress address) => !address.IsNull && address.QuadPart % NetDmaDescriptor.SizeInBytes == 0;

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
        (c.Next, c.Remaining, c.Last) = (first, count, PhysicalAddress.Null);
        (c.Running, c.Suspended, c.Faulted, c.Reload) = (true, false, false, false);
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

    public bool Suspend(Channel c, out PhysicalAddress last)
    {
        last = c.Last; // The current descriptor is complete: steps are whole descriptors (NDMA3012).
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

    private bool Process(Channel c)
    {
        if (!c.Running || (counted && c.Remaining == 0)) return false;
        var image = new byte[NetDmaDescriptor.SizeInBytes];
        if (c.Reload)
        {
            if (!bus.DmaRead(c.Last, image)) return Fault(c, c.Last);
            (c.Next, c.Reload) = (NetDmaDescriptor.Read(image).NextDescriptor, false);
        }

        var address = c.Next;
        if (address.IsNull) return counted && Fault(c, c.Last); // 1.x: the chain's end. 2.0: owed but not linked: halt.
        if (!IsDescriptor(address) || !bus.DmaRead(address, image)) return Fault(c, address);
        var d = NetDmaDescriptor.Read(image);
        if (!Copy(d)) return Fault(c, address);

        (c.Last, c.Next, c.Remaining) = (address, d.NextDescriptor, counted ? c.Remaining - 1 : 0);
        var status = (counted ? c.Remaining > 0 : !d.NextDescriptor.IsNull) ? NetDmaTransferStatusActive : NetDmaTransferStatusIdle;
        c.StatusOn |= d.ControlFlags.HasFlag(NET_DMA_STATUS_UPDATE_ON_COMPLETION);
        if (d.ControlFlags.HasFlag(NET_DMA_STATUS_UPDATE_ON_COMPLETION) && !Report(c, status)) return Fault(c, address);
        if (d.ControlFlags.HasFlag(NET_DMA_INTERRUPT_ON_COMPLETION)) Interrupt(c, address);
        return true;
    }

    /// <summary>Moves the descriptor's bytes through the bus; a null transfer and a DCA context change move none.</summary>
    private bool Copy(in NetDmaDescriptor d)
    {
        var flags = d.ControlFlags;
        if (flags.HasFlag(NET_DMA_NULL_TRANSFER) || (flags & NET_DMA_OP_TYPE_MASK) == NET_DMA_OP_TYPE_CONTEXT_CHANGE) return true;
        var data = new byte[d.TransferSize];
        return Move(d.SourceAddress, d.NextSourceAddress, flags.HasFlag(NET_DMA_SOURCE_PAGE_BREAK), data, read: true)
            && Move(d.DestinationAddress, d.NextDestinationAddress, flags.HasFlag(NET_DMA_DESTINATION_PAGE_BREAK), data, read: false);
    }

    /// <summary>With a page break (2.0), the bytes past <paramref name="start"/>'s 4 KiB page are at <paramref name="next"/>.</summary>
    private bool Move(PhysicalAddress start, PhysicalAddress next, bool pageBreak, byte[] data, bool read)
    {
        var first = pageBreak ? (int)Math.Min((ulong)data.Length, 4096 - (start.QuadPart % 4096)) : data.Length;
        return Dma(start, data.AsSpan(0, first), read) && (first == data.Length || Dma(next, data.AsSpan(first), read));
    }

    private bool Dma(PhysicalAddress at, Span<byte> bytes, bool read) => read ? bus.DmaRead(at, bytes) : bus.DmaWrite(at, bytes);

    /// <summary>The completion status: the last descriptor's address ORed with it (ns-netdma-_net_dma_channel_parameters.md).</summary>
    private bool Report(Channel c, NetDmaTransferStatus status)
    {
        Span<byte> value = stackalloc byte[8];
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
