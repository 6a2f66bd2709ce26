using System.Runtime.CompilerServices;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Memory;

/// <summary>
/// The simulated machine's physical memory. Buffers are placed at deterministic addresses, physical from
/// <see cref="PhysicalStart"/> and virtual from <see cref="VirtualStart"/> upward (virtual = physical + a fixed
/// offset), each between two <see cref="GuardBandSize"/>-byte guard bands that belong to no buffer. Freed addresses
/// are never reused, so a late access names the freed buffer.
/// </summary>
/// <remarks>
/// Two kinds of access: host-side (<see cref="ReadBytes(MemoryBuffer, ulong, int)"/>, <see cref="WriteBytes"/>, <see cref="Fill(MemoryBuffer, byte)"/>) is the kit's own
/// CPU access and is not checked against the rules (misuse throws, it is a kit bug); device-side
/// (<see cref="DmaRead"/>, <see cref="DmaWrite"/>, and a copy: <see cref="BeginDmaCopy"/> then
/// <see cref="CompleteDmaCopy"/>) is a bus-master access and is checked like Driver Verifier's DMA
/// verification (dma-verification.md): a range that is not inside one live buffer is reported as NDMA5001 and not
/// performed (a write is dropped, a read returns zeros).
/// </remarks>
public sealed class PhysicalMemory(ViolationLog log)
{
    /// <summary>
    /// Called before every read (false) or write (true) of simulated memory, with the first byte's physical address:
    /// the scheduling point schedule exploration puts on shared memory (descriptors, completion status, data buffers).
    /// Null in sequential mode.
    /// </summary>
    internal Action<PhysicalAddress, bool>? SharedAccess { get; set; }

    /// <summary>Physical address of the first allocation's guard band: 0x0000_0001_0000_0000 (above 4 GiB, so 32-bit truncation shows).</summary>
    public static readonly PhysicalAddress PhysicalStart = new(0x0000_0001_0000_0000);

    /// <summary>Virtual address that <see cref="PhysicalStart"/> maps to: 0xFFFF_A000_0000_0000 (system space).</summary>
    public static readonly VirtualAddress VirtualStart = new(0xFFFF_A000_0000_0000);

    /// <summary>Bytes of guard band on each side of every buffer (256).</summary>
    public const ulong GuardBandSize = 256;

    /// <summary>Default placement alignment in bytes (64, a cache line and a NET_DMA_DESCRIPTOR).</summary>
    public const ulong DefaultAlignment = 64;

    /// <summary>Size in bytes of a NET_DMA_DESCRIPTOR (ns-netdma-_net_dma_descriptor.md).</summary>
    public const int DescriptorSize = 64;

    /// <summary>Largest single buffer in bytes (1 GiB); larger requests fail.</summary>
    public const ulong MaximumBufferSize = 1UL << 30;

    private readonly List<MemoryBuffer> _buffers = [];
    private readonly List<(string Name, ulong Start, ulong End)> _unbacked = [];
    private ulong _cursor = PhysicalStart.QuadPart;

    /// <summary>Where device-access violations are reported.</summary>
    public ViolationLog Log { get; } = log;

    // The evaluation counters of the two checks every device access makes, held so the access counts with an
    // increment, not a dictionary lookup (docs/performance.md, the copy engine's fixed cost per descriptor).
    private readonly RuleEvaluationCounter _insideBuffersChecks = log.CounterFor(MemoryRules.DmaInsideBuffers);
    private readonly RuleEvaluationCounter _descriptorAlignmentChecks = log.CounterFor(MemoryRules.DescriptorAlignment);

    /// <summary>Every buffer ever allocated, live or freed, in address order.</summary>
    public IReadOnlyList<MemoryBuffer> Buffers => _buffers;

    /// <summary>
    /// Allocates <paramref name="size"/> bytes (zero-filled) at the next free address aligned to
    /// <paramref name="alignment"/> bytes, between guard bands.
    /// </summary>
    /// <param name="name">Name for reports.</param>
    /// <param name="size">Length in bytes (at most <see cref="MaximumBufferSize"/>).</param>
    /// <param name="kind">What the buffer holds; a <see cref="MemoryKind.DescriptorRing"/> needs an alignment of at least 64.</param>
    /// <param name="alignment">Placement alignment in bytes, a power of two.</param>
    /// <returns>The buffer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Size too large, or alignment not a power of two.</exception>
    /// <exception cref="ArgumentException">A descriptor ring with an alignment below 64.</exception>
    public MemoryBuffer Allocate(string name, ulong size, MemoryKind kind, ulong alignment = DefaultAlignment)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaximumBufferSize);
        if (alignment == 0 || (alignment & (alignment - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(alignment), alignment, "Alignment must be a power of two.");
        }

        if (kind == MemoryKind.DescriptorRing && alignment < DescriptorSize)
        {
            throw new ArgumentException(
                "Descriptor rings are 64-byte aligned (ns-netdma-_net_dma_descriptor.md).", nameof(alignment));
        }

        var guardStart = _cursor;
        var physicalBase = AlignUp(guardStart + GuardBandSize, alignment);
        var guardEnd = physicalBase + size + GuardBandSize;
        var buffer = new MemoryBuffer(name, kind, new PhysicalAddress(physicalBase),
            new VirtualAddress(VirtualStart.Value + (physicalBase - PhysicalStart.QuadPart)), size, alignment,
            guardStart, guardEnd);
        _buffers.Add(buffer);
        _cursor = guardEnd;
        return buffer;
    }

    /// <summary>
    /// Reserves <paramref name="size"/> bytes of physical address space that no memory answers at: a device access
    /// there fails as a master abort (refused, traced) instead of being an overrun (NDMA5001), because the kit, not the
    /// device, chose the address. A <c>descriptor</c> fault (docs/faults.md) points an invalid descriptor's
    /// SourceAddress here.
    /// </summary>
    /// <param name="name">Name for the trace.</param>
    /// <param name="size">Length in bytes (at most <see cref="MaximumBufferSize"/>).</param>
    /// <returns>The first address of the range (64-byte aligned).</returns>
    public PhysicalAddress ReserveUnbacked(string name, ulong size)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaximumBufferSize);
        var start = AlignUp(_cursor + GuardBandSize, DefaultAlignment);
        _unbacked.Add((name, start, start + size));
        _cursor = start + size + GuardBandSize;
        return new PhysicalAddress(start);
    }

    /// <summary>Frees a live buffer; its bytes are dropped and its addresses are never handed out again.</summary>
    /// <exception cref="InvalidOperationException">The buffer was already freed (callers detect driver double frees first).</exception>
    public void Free(MemoryBuffer buffer)
    {
        if (!buffer.Live)
        {
            throw new InvalidOperationException($"Buffer {buffer.Describe()} was already freed.");
        }

        buffer.Release();
    }

    /// <summary>The live buffer whose bytes include <paramref name="address"/>, or null.</summary>
    public MemoryBuffer? Find(PhysicalAddress address) =>
        FindRegion(address.QuadPart) is { Live: true } buffer && buffer.Contains(address) ? buffer : null;

    /// <summary>The live buffer whose bytes include virtual address <paramref name="address"/>, or null.</summary>
    public MemoryBuffer? Find(VirtualAddress address) =>
        TryTranslate(address, out var physical) ? Find(physical) : null;

    /// <summary>Translates a virtual address inside a live buffer to its physical address.</summary>
    /// <returns>False when the address lies in no live buffer.</returns>
    public bool TryToPhysical(VirtualAddress address, out PhysicalAddress physical) =>
        TryTranslate(address, out physical) && Find(physical) is not null;

    /// <summary>The physical address of a virtual address inside a live buffer.</summary>
    /// <exception cref="ArgumentException">The address lies in no live buffer.</exception>
    public PhysicalAddress ToPhysical(VirtualAddress address) =>
        TryToPhysical(address, out var physical)
            ? physical
            : throw new ArgumentException($"Virtual address {address} lies in no live buffer.", nameof(address));

    /// <summary>Translates a physical address inside a live buffer to its virtual address.</summary>
    /// <returns>False when the address lies in no live buffer.</returns>
    public bool TryToVirtual(PhysicalAddress address, out VirtualAddress virtualAddress)
    {
        virtualAddress = Find(address) is { } buffer
            ? buffer.VirtualBase.Offset(address.QuadPart - buffer.PhysicalBase.QuadPart)
            : VirtualAddress.Null;
        return !virtualAddress.IsNull;
    }

    /// <summary>The virtual address of a physical address inside a live buffer.</summary>
    /// <exception cref="ArgumentException">The address lies in no live buffer.</exception>
    public VirtualAddress ToVirtual(PhysicalAddress address) =>
        TryToVirtual(address, out var virtualAddress)
            ? virtualAddress
            : throw new ArgumentException($"Physical address {address} lies in no live buffer.", nameof(address));

    /// <summary>Host-side (CPU) read of <paramref name="count"/> bytes at <paramref name="offset"/>; not rule-checked.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range leaves the buffer.</exception>
    /// <exception cref="InvalidOperationException">The buffer was freed.</exception>
    public byte[] ReadBytes(MemoryBuffer buffer, ulong offset, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var bytes = new byte[count];
        ReadBytes(buffer, offset, bytes);
        return bytes;
    }

    /// <summary>Host-side (CPU) read into <paramref name="destination"/> (its length in bytes) at <paramref name="offset"/>; not rule-checked, allocates nothing.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range leaves the buffer.</exception>
    /// <exception cref="InvalidOperationException">The buffer was freed.</exception>
    public void ReadBytes(MemoryBuffer buffer, ulong offset, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        SharedAccess?.Invoke(buffer.PhysicalBase.Offset(offset), false);
        CheckHostRange(buffer, offset, (ulong)destination.Length);
        buffer.Storage.AsSpan((int)offset, destination.Length).CopyTo(destination);
    }

    /// <summary>Host-side (CPU) write of <paramref name="source"/> at <paramref name="offset"/>; not rule-checked.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range leaves the buffer.</exception>
    /// <exception cref="InvalidOperationException">The buffer was freed.</exception>
    public void WriteBytes(MemoryBuffer buffer, ulong offset, ReadOnlySpan<byte> source)
    {
        SharedAccess?.Invoke(buffer.PhysicalBase.Offset(offset), true);
        CheckHostRange(buffer, offset, (ulong)source.Length);
        source.CopyTo(buffer.Storage.AsSpan((int)offset));
    }

    /// <summary>
    /// <see cref="WriteBytes"/> without a scheduling point of its own: for a host-side write that belongs to the point of
    /// an access the caller just declared (the rest of a chain of descriptors NetDMA writes before any of them is linked,
    /// <see cref="Host.DescriptorRing.Submit"/>). Only for writes no other operation can tell apart from that access.
    /// </summary>
    internal void WriteBytesWithinPoint(MemoryBuffer buffer, ulong offset, ReadOnlySpan<byte> source)
    {
        CheckHostRange(buffer, offset, (ulong)source.Length);
        source.CopyTo(buffer.Storage.AsSpan((int)offset));
    }

    /// <summary>
    /// <see cref="ReadBytes(MemoryBuffer, ulong, Span{byte})"/> without a scheduling point of its own: for a host-side
    /// read that belongs to the point of the write that follows it (NetDMA's read of the descriptor it links a new chain
    /// to, <see cref="Host.DescriptorRing.Submit"/>).
    /// </summary>
    internal void ReadBytesWithinPoint(MemoryBuffer buffer, ulong offset, Span<byte> destination)
    {
        CheckHostRange(buffer, offset, (ulong)destination.Length);
        buffer.Storage.AsSpan((int)offset, destination.Length).CopyTo(destination);
    }

    /// <summary>Host-side fill of the whole buffer with <paramref name="value"/>.</summary>
    public void Fill(MemoryBuffer buffer, byte value) => Fill(buffer, 0, buffer.Size, value);

    /// <summary>Host-side fill of <paramref name="count"/> bytes at <paramref name="offset"/> with <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range leaves the buffer.</exception>
    public void Fill(MemoryBuffer buffer, ulong offset, ulong count, byte value)
    {
        CheckHostRange(buffer, offset, count);
        buffer.Storage.AsSpan((int)offset, (int)count).Fill(value);
    }

    /// <summary>
    /// Bus-master read by <paramref name="initiator"/>: copies <paramref name="destination"/>.Length bytes from
    /// <paramref name="address"/>. The range must lie inside one live buffer (NDMA5001), else nothing is read and
    /// <paramref name="destination"/> is zeroed. From a <see cref="MemoryKind.DescriptorRing"/> the read must be whole
    /// 64-byte descriptors at a 64-byte-aligned address (NDMA5002); a misshaped fetch is reported and still performed.
    /// </summary>
    /// <param name="address">Physical address of the first byte.</param>
    /// <param name="destination">Receives the bytes.</param>
    /// <param name="initiator">The device, for reports (e.g. <c>\Device\NetDmaPdo0</c>).</param>
    /// <returns>True when the range was inside one live buffer and was read.</returns>
    public bool DmaRead(PhysicalAddress address, Span<byte> destination, string initiator)
    {
        SharedAccess?.Invoke(address, false);
        var length = (ulong)destination.Length;
        if (!CheckDeviceRead(address, length, initiator, out var buffer))
        {
            destination.Clear();
            return false;
        }

        buffer.Storage.AsSpan((int)(address.QuadPart - buffer.PhysicalBase.QuadPart), destination.Length).CopyTo(destination);
        AnnounceDeviceRead(address, length, buffer, initiator);
        return true;
    }

    /// <summary>
    /// The read half of a bus-master copy (<see cref="Kernel.DeviceBus.DmaCopy"/>): checks the source range exactly as
    /// <see cref="DmaRead"/> does (NDMA5001, NDMA5002 from a descriptor ring) and announces the read in bus order, but
    /// moves no bytes; <see cref="CompleteDmaCopy"/> copies them straight into the destination's storage.
    /// </summary>
    /// <param name="address">Physical address of the first source byte.</param>
    /// <param name="length">Bytes to copy.</param>
    /// <param name="initiator">The device, for reports.</param>
    /// <param name="source">The live buffer holding the whole source range, when the read is allowed.</param>
    /// <returns>True when the source range lies inside one live buffer.</returns>
    internal bool BeginDmaCopy(PhysicalAddress address, ulong length, string initiator, out MemoryBuffer source)
    {
        SharedAccess?.Invoke(address, false);
        if (!CheckDeviceRead(address, length, initiator, out source))
        {
            return false;
        }

        AnnounceDeviceRead(address, length, source, initiator);
        return true;
    }

    /// <summary>
    /// The write half of a bus-master copy: checks the destination range exactly as <see cref="DmaWrite"/> does
    /// (NDMA5001) and copies <paramref name="length"/> bytes from <paramref name="source"/>'s storage to the
    /// destination's storage once (overlapping ranges copy as a read followed by a write would).
    /// </summary>
    /// <param name="source">The buffer <see cref="BeginDmaCopy"/> returned.</param>
    /// <param name="sourceAddress">Physical address of the first source byte.</param>
    /// <param name="destinationAddress">Physical address of the first destination byte.</param>
    /// <param name="length">Bytes to copy.</param>
    /// <param name="initiator">The device, for reports.</param>
    /// <returns>True when the destination range lies inside one live buffer and the bytes were copied.</returns>
    internal bool CompleteDmaCopy(MemoryBuffer source, PhysicalAddress sourceAddress, PhysicalAddress destinationAddress,
        ulong length, string initiator)
    {
        // No scheduling point of its own: BeginDmaCopy's is the copy's one point (docs/concurrency.md, "Scheduling
        // points removed as redundant"). Between the two halves the bus only checks the source range, announces the
        // read and translates the destination (the source was translated before that point); the bytes move only
        // here. Another operation's action in between differs from the same action before the copy or after it only
        // if it changes both halves' state at once: freeing a buffer that is both the source and the destination,
        // reported now as a refused read instead of a refused write (NDMA5001 either way).
        if (!CheckDeviceRange(destinationAddress, length, initiator, "write", out var destination))
        {
            DeviceAccessed?.Invoke(new DeviceAccess(destinationAddress, length, IsWrite: true, null, initiator));
            return false;
        }

        source.Storage.AsSpan((int)(sourceAddress.QuadPart - source.PhysicalBase.QuadPart), (int)length)
            .CopyTo(destination.Storage.AsSpan((int)(destinationAddress.QuadPart - destination.PhysicalBase.QuadPart)));
        DeviceAccessed?.Invoke(new DeviceAccess(destinationAddress, length, IsWrite: true, destination, initiator));
        return true;
    }

    /// <summary>
    /// Every check of a device read: the range inside one live buffer (NDMA5001; a refused read is announced here) and,
    /// from a descriptor ring, whole aligned descriptors (NDMA5002; reported, still performed).
    /// </summary>
    private bool CheckDeviceRead(PhysicalAddress address, ulong length, string initiator, out MemoryBuffer buffer)
    {
        if (!CheckDeviceRange(address, length, initiator, "read", out buffer))
        {
            DeviceAccessed?.Invoke(new DeviceAccess(address, length, IsWrite: false, null, initiator));
            return false;
        }

        if (buffer.Kind == MemoryKind.DescriptorRing)
        {
            _descriptorAlignmentChecks.Checked();
            if (length == 0 || length % DescriptorSize != 0 || address.QuadPart % DescriptorSize != 0)
            {
                ReportMisshapedFetch(address, length, initiator, buffer);
            }
        }

        return true;
    }

    /// <summary>
    /// NDMA5002 for a fetch that is not whole aligned descriptors. Out of line (never inlined) so the formatting of the
    /// report does not enlarge the frame every device read sets up and clears (docs/performance.md).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportMisshapedFetch(PhysicalAddress address, ulong length, string initiator, MemoryBuffer buffer) =>
        Log.Report(MemoryRules.DescriptorAlignment,
            "whole 64-byte NET_DMA_DESCRIPTORs fetched at 64-byte-aligned physical addresses",
            $"{initiator} DMA read of {length} bytes at {address}, offset {address.QuadPart - buffer.PhysicalBase.QuadPart} in descriptor ring {buffer.Describe()}");

    /// <summary>Tells the observers a performed device read happened: a descriptor fetch first, then the access.</summary>
    private void AnnounceDeviceRead(PhysicalAddress address, ulong length, MemoryBuffer buffer, string initiator)
    {
        if (buffer.Kind == MemoryKind.DescriptorRing)
        {
            DescriptorFetched?.Invoke(new DescriptorFetch(address, length, buffer, initiator));
        }

        DeviceAccessed?.Invoke(new DeviceAccess(address, length, IsWrite: false, buffer, initiator));
    }

    /// <summary>
    /// Raised after every device read from descriptor memory, so the NetDMA host can tell which descriptors an engine
    /// fetches (after an abort, a reset or a free it must fetch none of the channel's earlier descriptors).
    /// </summary>
    public event Action<DescriptorFetch>? DescriptorFetched;

    /// <summary>
    /// Raised after every device read and write, performed or refused, in bus order (after
    /// <see cref="DescriptorFetched"/> for a descriptor fetch, after the bytes landed for a write), so the NetDMA host
    /// can follow what an engine did: which descriptor's data it moved, when it wrote a completion status.
    /// </summary>
    public event Action<DeviceAccess>? DeviceAccessed;

    /// <summary>
    /// Announces a device read the bus failed before it reached memory (a <c>dma-read</c> fault, docs/faults.md), as a
    /// refused access, so observers of <see cref="DeviceAccessed"/> see the engine's attempt.
    /// </summary>
    internal void ReportFailedRead(PhysicalAddress address, ulong length, string initiator) =>
        ReportFailedAccess(address, length, isWrite: false, initiator);

    /// <summary>
    /// Announces a device access the bus failed before it reached memory (a read under a <c>dma-read</c> fault, any
    /// access of a device that left the bus), as a refused access, so observers of <see cref="DeviceAccessed"/> see the
    /// engine's attempt.
    /// </summary>
    internal void ReportFailedAccess(PhysicalAddress address, ulong length, bool isWrite, string initiator) =>
        DeviceAccessed?.Invoke(new DeviceAccess(address, length, isWrite, null, initiator));

    /// <summary>
    /// Bus-master write by <paramref name="initiator"/> of <paramref name="source"/> at <paramref name="address"/>.
    /// The range must lie inside one live buffer (NDMA5001), else nothing is written.
    /// </summary>
    /// <param name="address">Physical address of the first byte.</param>
    /// <param name="source">The bytes.</param>
    /// <param name="initiator">The device, for reports.</param>
    /// <returns>True when the range was inside one live buffer and was written.</returns>
    public bool DmaWrite(PhysicalAddress address, ReadOnlySpan<byte> source, string initiator)
    {
        SharedAccess?.Invoke(address, true);
        if (!CheckDeviceRange(address, (ulong)source.Length, initiator, "write", out var buffer))
        {
            DeviceAccessed?.Invoke(new DeviceAccess(address, (ulong)source.Length, IsWrite: true, null, initiator));
            return false;
        }

        source.CopyTo(buffer.Storage.AsSpan((int)(address.QuadPart - buffer.PhysicalBase.QuadPart)));
        DeviceAccessed?.Invoke(new DeviceAccess(address, (ulong)source.Length, IsWrite: true, buffer, initiator));
        return true;
    }

    /// <summary>
    /// Where the physical range [<paramref name="address"/>, +<paramref name="length"/>) falls, in report words:
    /// <c>inside buffer 'x' [...]</c>, <c>16 bytes past the end of buffer 'dst' [...]</c>,
    /// <c>in the guard band before 'src' [...]</c>, <c>in freed buffer 'x' [...]</c>, <c>outside any buffer</c>.
    /// </summary>
    public string DescribeRange(PhysicalAddress address, ulong length)
    {
        var start = address.QuadPart;
        if (length > ulong.MaxValue - start)
        {
            return "outside any buffer (the range wraps past the top of the address space)";
        }

        var end = start + length;
        if (FindRegion(start) is not { } buffer)
        {
            return "outside any buffer";
        }

        var baseAddress = buffer.PhysicalBase.QuadPart;
        var bufferEnd = buffer.PhysicalEnd.QuadPart;
        if (!buffer.Live)
        {
            return $"in freed buffer {buffer.Describe()}";
        }

        if (start < baseAddress)
        {
            return $"in the guard band before {buffer.Describe()}, starting {baseAddress - start} bytes before it";
        }

        if (start > bufferEnd || (start == bufferEnd && length > 0))
        {
            return $"starting {start - bufferEnd} bytes past the end of buffer {buffer.Describe()}, in its guard band";
        }

        return end > bufferEnd
            ? $"{end - bufferEnd} bytes past the end of buffer {buffer.Describe()}"
            : $"inside buffer {buffer.Describe()}";
    }

    private bool CheckDeviceRange(PhysicalAddress address, ulong length, string initiator, string direction,
        out MemoryBuffer buffer)
    {
        _insideBuffersChecks.Checked();
        if (FindRegion(address.QuadPart) is { Live: true } candidate && candidate.Contains(address, length))
        {
            buffer = candidate;
            return true;
        }

        buffer = null!;
        RefuseDeviceRange(address, length, initiator, direction);
        return false;
    }

    /// <summary>
    /// The refusal of a device range outside every live buffer: a master abort in an unbacked range (traced), else
    /// NDMA5001. Out of line (never inlined): formatting the report in the checking method made every device access
    /// set up and clear a frame of several hundred bytes (docs/performance.md, the copy engine's fixed cost).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RefuseDeviceRange(PhysicalAddress address, ulong length, string initiator, string direction)
    {
        var end = length == 0 || length - 1 > ulong.MaxValue - address.QuadPart
            ? string.Empty
            : $"-{new PhysicalAddress(address.QuadPart + length - 1)}";
        if (UnbackedRangeAt(address.QuadPart) is { } hole)
        {
            Log.Trace.Record($"  bus: {initiator} DMA {direction} of {length} bytes at {address}{end}: no memory answers there ({hole}); master abort, the {direction} was not performed");
            return;
        }

        Log.Report(MemoryRules.DmaInsideBuffers, "a range inside one allocated buffer",
            $"{initiator} DMA {direction} of {length} bytes at {address}{end}: {DescribeRange(address, length)}; the {direction} was not performed");
    }

    /// <summary>
    /// The name of the unbacked range (<see cref="ReserveUnbacked"/>) holding <paramref name="address"/>, or null. A loop,
    /// not a LINQ lambda: a lambda capturing the address would allocate its closure on every device access, refused or not.
    /// </summary>
    private string? UnbackedRangeAt(ulong address)
    {
        foreach (var (name, start, end) in _unbacked)
        {
            if (address >= start && address < end)
            {
                return name;
            }
        }

        return null;
    }

    private static void CheckHostRange(MemoryBuffer buffer, ulong offset, ulong count)
    {
        if (!buffer.Live)
        {
            throw new InvalidOperationException($"Buffer {buffer.Describe()} has been freed.");
        }

        if (offset > buffer.Size || count > buffer.Size - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(offset),
                $"Bytes {offset}..{offset + count} leave buffer {buffer.Describe()}.");
        }
    }

    /// <summary>The buffer whose reserved region (guard bands included) holds <paramref name="address"/>, or null.</summary>
    private MemoryBuffer? FindRegion(ulong address)
    {
        int low = 0, high = _buffers.Count - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            var candidate = _buffers[mid];
            if (address < candidate.GuardStart)
            {
                high = mid - 1;
            }
            else if (address >= candidate.GuardEnd)
            {
                low = mid + 1;
            }
            else
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool TryTranslate(VirtualAddress address, out PhysicalAddress physical)
    {
        var inRange = address.Value >= VirtualStart.Value;
        physical = inRange ? new PhysicalAddress(PhysicalStart.QuadPart + (address.Value - VirtualStart.Value)) : default;
        return inRange;
    }

    private static ulong AlignUp(ulong value, ulong alignment) => (value + alignment - 1) & ~(alignment - 1);
}
