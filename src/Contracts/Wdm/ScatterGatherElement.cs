using NetDma.Contracts.Platform;

namespace NetDma.Contracts.Wdm;

/// <summary><c>SCATTER_GATHER_ELEMENT</c>: one physically contiguous piece of a transfer.</summary>
/// <param name="Address">Logical (bus) address of the piece.</param>
/// <param name="Length">Length in bytes.</param>
public readonly record struct ScatterGatherElement(PhysicalAddress Address, uint Length);
