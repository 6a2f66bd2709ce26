using System.Runtime.CompilerServices;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Memory;

/// <summary>
/// One allocation of simulated physical memory: a physically contiguous range of <see cref="Size"/> bytes mapped at a
/// kernel virtual address of the same length, with a guard band on each side that belongs to no buffer. Created by
/// <see cref="PhysicalMemory.Allocate"/>; after <see cref="PhysicalMemory.Free"/> it stays known (so an access to it
/// can be reported as "in freed buffer") but holds no bytes.
/// </summary>
public sealed class MemoryBuffer
{
    private byte[]? _storage;

    internal MemoryBuffer(string name, MemoryKind kind, PhysicalAddress physicalBase, VirtualAddress virtualBase,
        ulong size, ulong alignment, ulong guardStart, ulong guardEnd)
    {
        Name = name;
        Kind = kind;
        PhysicalBase = physicalBase;
        VirtualBase = virtualBase;
        Size = size;
        Alignment = alignment;
        GuardStart = guardStart;
        GuardEnd = guardEnd;
        _storage = new byte[size];
    }

    /// <summary>The name reports use, e.g. <c>dst</c> or <c>pool 'Ndma' #3</c>.</summary>
    public string Name { get; }

    /// <summary>What the buffer holds.</summary>
    public MemoryKind Kind { get; }

    /// <summary>Physical (bus) address of the first byte.</summary>
    public PhysicalAddress PhysicalBase { get; }

    /// <summary>Kernel virtual address of the first byte.</summary>
    public VirtualAddress VirtualBase { get; }

    /// <summary>Length in bytes.</summary>
    public ulong Size { get; }

    /// <summary>The alignment, in bytes, <see cref="PhysicalBase"/> was placed at (a power of two).</summary>
    public ulong Alignment { get; }

    /// <summary>False once the buffer has been freed; a freed buffer's addresses are never reused.</summary>
    public bool Live => _storage is not null;

    /// <summary>Physical address one past the last byte.</summary>
    public PhysicalAddress PhysicalEnd => PhysicalBase.Offset(Size);

    /// <summary>First physical address of the guard band before the buffer (the region this buffer reserves).</summary>
    internal ulong GuardStart { get; }

    /// <summary>Physical address one past the guard band after the buffer.</summary>
    internal ulong GuardEnd { get; }

    internal byte[] Storage => _storage ?? throw Freed();

    /// <summary>
    /// The exception for a use of a freed buffer's storage, made out of line (never inlined) so the message's
    /// formatting stays out of every access that reads <see cref="Storage"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private InvalidOperationException Freed() => new($"Buffer '{Name}' has been freed.");

    /// <summary>The physical address <paramref name="offset"/> bytes into the buffer.</summary>
    public PhysicalAddress PhysicalAt(ulong offset) => PhysicalBase.Offset(offset);

    /// <summary>The virtual address <paramref name="offset"/> bytes into the buffer.</summary>
    public VirtualAddress VirtualAt(ulong offset) => VirtualBase.Offset(offset);

    /// <summary>True when the physical range [<paramref name="address"/>, +<paramref name="length"/>) lies inside the buffer.</summary>
    public bool Contains(PhysicalAddress address, ulong length = 1) =>
        address.QuadPart >= PhysicalBase.QuadPart
        && address.QuadPart - PhysicalBase.QuadPart <= Size
        && length <= Size - (address.QuadPart - PhysicalBase.QuadPart);

    /// <summary>Report form: <c>'dst' [0x0000000100000100-0x00000001000010FF, 4096 bytes]</c> (inclusive last byte).</summary>
    public string Describe() => Size == 0
        ? $"'{Name}' [{PhysicalBase}, 0 bytes]"
        : $"'{Name}' [{PhysicalBase}-{PhysicalBase.Offset(Size - 1)}, {Size} bytes]";

    internal void Release() => _storage = null;

    /// <inheritdoc/>
    public override string ToString() => Describe();
}
