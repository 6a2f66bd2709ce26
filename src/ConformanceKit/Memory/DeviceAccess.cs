using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Memory;

/// <summary>
/// One bus-master access as the simulated bus saw it, in the order it happened: what an engine read or wrote, where,
/// and whether the memory performed it (an access outside every live buffer is refused and reported as NDMA5001).
/// A value, so that raising it for every bus access allocates nothing.
/// </summary>
/// <param name="Address">Physical address of the first byte.</param>
/// <param name="Length">Bytes read or written.</param>
/// <param name="IsWrite">True for a device write, false for a device read.</param>
/// <param name="Buffer">The live buffer that holds the whole range, or null when the access was refused.</param>
/// <param name="Initiator">The device, for reports (e.g. <c>\Device\NetDmaPdo0</c>).</param>
public readonly record struct DeviceAccess(PhysicalAddress Address, ulong Length, bool IsWrite, MemoryBuffer? Buffer, string Initiator)
{
    /// <summary>True when the memory performed the access (the range lay inside one live buffer).</summary>
    public bool Performed => Buffer is not null;

    /// <summary>Physical address one past the last byte.</summary>
    public ulong End => Address.QuadPart + Length;
}
