using NetDma.ConformanceKit.Memory;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Host;

/// <summary>
/// The descriptor memory of one channel, where the host (as NetDMA) writes the chains it submits, 64-byte descriptors
/// back to back. NetDMA 1.x chains end with a NULL NextDescriptor and an append links the previous last descriptor to
/// the new chain; NetDMA 2.0 chains are not NULL-terminated: every last descriptor's NextDescriptor already names the
/// slot the next append will use (nc-netdma-dma_start_handler.md, nc-netdma-dma_append_handler.md).
/// </summary>
/// <remarks>
/// Slots not yet submitted hold a poison descriptor whose addresses lie outside every buffer, so an engine that walks
/// past the DescriptorCount NetDMA gave it is caught by the guard checks (NDMA5001) instead of silently copying nothing.
/// </remarks>
public sealed class DescriptorRing
{
    /// <summary>Descriptors a ring holds.</summary>
    public const int Capacity = 512;

    /// <summary>Source and destination of the poison descriptor: far outside any simulated buffer.</summary>
    public static readonly PhysicalAddress PoisonAddress = new(0x00DE_AD00_0000_0000);

    private readonly PhysicalMemory _memory;
    private readonly bool _unterminated;
    private int _next;
    private PhysicalAddress? _lastDescriptor;

    /// <summary>Allocates the ring for channel <paramref name="channelName"/> and fills it with poison descriptors.</summary>
    /// <param name="memory">Physical memory to allocate from.</param>
    /// <param name="channelName">The script's channel name, for buffer names in reports.</param>
    /// <param name="unterminated">True for NetDMA 2.0 chains (not NULL-terminated).</param>
    public DescriptorRing(PhysicalMemory memory, string channelName, bool unterminated)
        : this(memory, memory.Allocate($"{channelName}.descriptors", Capacity * NetDmaDescriptor.SizeInBytes, MemoryKind.DescriptorRing, NetDmaDescriptor.SizeInBytes), unterminated)
    {
    }

    /// <summary>
    /// A ring in <paramref name="buffer"/>, the memory of a freed channel's ring that NetDMA reuses: every slot is
    /// poisoned again, so the new channel starts exactly as with fresh memory.
    /// </summary>
    internal DescriptorRing(PhysicalMemory memory, MemoryBuffer buffer, bool unterminated)
    {
        _memory = memory;
        _unterminated = unterminated;
        Buffer = buffer;
        memory.WriteBytes(buffer, 0, PoisonImage.Value);
    }

    /// <summary>The bytes of a ring of poison descriptors, built once: every ring starts as a copy of it.</summary>
    private static readonly Lazy<byte[]> PoisonImage = new(() =>
    {
        var image = new byte[Capacity * NetDmaDescriptor.SizeInBytes];
        for (var slot = 0; slot < Capacity; slot++)
        {
            new NetDmaDescriptor
            {
                TransferSize = 64, SourceAddress = PoisonAddress, DestinationAddress = PoisonAddress,
                UserContext1 = UserContext1Of(slot), UserContext2 = UserContext2Of(slot),
            }.Write(image.AsSpan(slot * NetDmaDescriptor.SizeInBytes, NetDmaDescriptor.SizeInBytes));
        }

        return image;
    });

    /// <summary>The ring's memory.</summary>
    public MemoryBuffer Buffer { get; }

    /// <summary>
    /// Writes <paramref name="descriptors"/> at the next free slots. For an append (<paramref name="linkToPrevious"/>)
    /// of a NULL-terminated chain, the previous chain's last descriptor is linked to the new first one.
    /// </summary>
    /// <exception cref="InvalidOperationException">The ring is full (the script submits more than <see cref="Capacity"/> descriptors to one channel).</exception>
    public SubmittedChain Submit(IReadOnlyList<DescriptorSpec> descriptors, bool linkToPrevious)
    {
        if (descriptors.Count == 0 || _next + descriptors.Count >= Capacity)
        {
            throw new InvalidOperationException(
                $"channel descriptor ring holds {Capacity - 1} descriptors; {_next} used, {descriptors.Count} more requested");
        }

        var first = _next;
        for (var i = 0; i < descriptors.Count; i++)
        {
            var spec = descriptors[i];
            var slot = first + i;
            var isLast = i == descriptors.Count - 1;
            var next = isLast && !_unterminated ? PhysicalAddress.Null : SlotPhysical(slot + 1);
            // One scheduling point for the whole chain, at its first descriptor: none of these slots is reachable by
            // the engine until NetDMA links the chain (below) or the provider counts it (NetDMA 2.0), both after the
            // last of these writes, so no other operation can tell them apart (docs/concurrency.md, "Scheduling points
            // removed as redundant"); an engine that fetches a slot before then is reported whatever it reads there.
            Write(slot, schedulingPoint: i == 0, new NetDmaDescriptor
            {
                TransferSize = spec.Length,
                ControlFlags = spec.Flags,
                SourceAddress = spec.Source,
                DestinationAddress = spec.Destination,
                NextDescriptor = next,
                Reserved1 = spec.NextSource.QuadPart,
                Reserved2 = spec.NextDestination.QuadPart,
                UserContext1 = UserContext1Of(slot),
                UserContext2 = UserContext2Of(slot),
            });
        }

        if (linkToPrevious && !_unterminated && _lastDescriptor is { } previous)
        {
            // NetDMA links the old last descriptor to the new chain before calling ProviderAppendDma.
            var slot = (int)((previous.QuadPart - Buffer.PhysicalBase.QuadPart) / NetDmaDescriptor.SizeInBytes);
            Link(slot, SlotPhysical(first));
        }

        _next += descriptors.Count;
        _lastDescriptor = SlotPhysical(first + descriptors.Count - 1);
        return new SubmittedChain(SlotVirtual(first), SlotPhysical(first), (uint)descriptors.Count);
    }

    /// <summary>
    /// While the channel is suspended, NetDMA replaces what follows <paramref name="lastProcessed"/>: it writes
    /// <paramref name="descriptors"/> at the next free slots and sets the NextDescriptor of
    /// <paramref name="lastProcessed"/> to the first of them, so a resumed engine that rereads the descriptor it
    /// processed last finds the new link (nc-netdma-dma_resume_handler.md).
    /// </summary>
    /// <exception cref="InvalidOperationException">The ring is full, or <paramref name="lastProcessed"/> is not in it.</exception>
    public SubmittedChain Relink(PhysicalAddress lastProcessed, IReadOnlyList<DescriptorSpec> descriptors)
    {
        var offset = lastProcessed.QuadPart - Buffer.PhysicalBase.QuadPart;
        if (!Buffer.Contains(lastProcessed, NetDmaDescriptor.SizeInBytes) || offset % NetDmaDescriptor.SizeInBytes != 0)
        {
            throw new InvalidOperationException($"pLastDescriptor {lastProcessed} is not a descriptor of this ring");
        }

        var chain = Submit(descriptors, linkToPrevious: false);
        Link((int)(offset / NetDmaDescriptor.SizeInBytes), chain.PhysicalAddress);
        return chain;
    }

    /// <summary>
    /// The UserContext1 value NetDMA writes in the descriptor at <paramref name="slot"/>: "NDMA" in the high half and
    /// the slot number, so a change by the engine or the provider is seen (ns-netdma-_net_dma_descriptor.md: the field
    /// is reserved for the NetDMA interface).
    /// </summary>
    public static ulong UserContext1Of(int slot) => 0x4E44_4D41_0000_0000UL | (uint)slot;

    /// <summary>The UserContext2 value NetDMA writes in the descriptor at <paramref name="slot"/> (the complement of <see cref="UserContext1Of"/>).</summary>
    public static ulong UserContext2Of(int slot) => ~UserContext1Of(slot);

    /// <summary>The descriptor NetDMA wrote at physical address <paramref name="address"/>, as memory holds it now (a host-side read).</summary>
    public NetDmaDescriptor DescriptorAt(PhysicalAddress address) =>
        Read((int)((address.QuadPart - Buffer.PhysicalBase.QuadPart) / NetDmaDescriptor.SizeInBytes));

    /// <summary>The slot number of physical address <paramref name="address"/> inside the ring.</summary>
    public int SlotOf(PhysicalAddress address) => (int)((address.QuadPart - Buffer.PhysicalBase.QuadPart) / NetDmaDescriptor.SizeInBytes);

    private PhysicalAddress SlotPhysical(int slot) => Buffer.PhysicalBase.Offset((ulong)(slot * NetDmaDescriptor.SizeInBytes));

    private VirtualAddress SlotVirtual(int slot) => Buffer.VirtualBase.Offset((ulong)(slot * NetDmaDescriptor.SizeInBytes));

    /// <summary>
    /// Sets the NextDescriptor of the descriptor at <paramref name="slot"/> to <paramref name="next"/>: NetDMA's one
    /// write of that field. The kit reads the whole descriptor and writes it back, and only the write is a scheduling
    /// point: a point between the two would only let a device write into that descriptor land in between and be
    /// overwritten, which NetDMA's single write of the field would not do (docs/concurrency.md, "Scheduling points
    /// removed as redundant").
    /// </summary>
    private void Link(int slot, PhysicalAddress next)
    {
        Span<byte> image = stackalloc byte[NetDmaDescriptor.SizeInBytes];
        _memory.ReadBytesWithinPoint(Buffer, (ulong)(slot * NetDmaDescriptor.SizeInBytes), image);
        var descriptor = NetDmaDescriptor.Read(image);
        descriptor.NextDescriptor = next;
        Write(slot, schedulingPoint: true, descriptor);
    }

    private void Write(int slot, bool schedulingPoint, NetDmaDescriptor descriptor)
    {
        Span<byte> image = stackalloc byte[NetDmaDescriptor.SizeInBytes];
        descriptor.Write(image);
        var offset = (ulong)(slot * NetDmaDescriptor.SizeInBytes);
        if (schedulingPoint)
        {
            _memory.WriteBytes(Buffer, offset, image);
        }
        else
        {
            _memory.WriteBytesWithinPoint(Buffer, offset, image);
        }
    }

    private NetDmaDescriptor Read(int slot)
    {
        Span<byte> image = stackalloc byte[NetDmaDescriptor.SizeInBytes];
        _memory.ReadBytes(Buffer, (ulong)(slot * NetDmaDescriptor.SizeInBytes), image);
        return NetDmaDescriptor.Read(image);
    }
}
