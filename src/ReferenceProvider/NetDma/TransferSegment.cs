using NetDma.Contracts.Platform;

namespace NetDma.ReferenceProvider.NetDma;

/// <summary>One run of a descriptor's copy that is contiguous on both the source and the destination side.</summary>
/// <param name="Source">Physical address of the run's first source byte.</param>
/// <param name="Destination">Physical address of the run's first destination byte.</param>
/// <param name="Length">Length of the run in bytes.</param>
public readonly record struct TransferSegment(PhysicalAddress Source, PhysicalAddress Destination, uint Length);
