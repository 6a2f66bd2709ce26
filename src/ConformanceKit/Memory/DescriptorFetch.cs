using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Memory;

/// <summary>A device read from descriptor memory (a <see cref="MemoryKind.DescriptorRing"/> buffer): what the engine fetched.</summary>
/// <param name="Address">Physical address of the first byte read.</param>
/// <param name="Length">Bytes read.</param>
/// <param name="Buffer">The descriptor ring read from.</param>
/// <param name="Initiator">The device, for reports.</param>
public readonly record struct DescriptorFetch(PhysicalAddress Address, ulong Length, MemoryBuffer Buffer, string Initiator);
