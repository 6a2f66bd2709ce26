using NetDma.Contracts.Platform;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>MDL</c>: a locked buffer as a virtual start and a byte count, with the physical address of its first byte
/// (the simulation maps each buffer contiguously, so one physical base describes it).
/// </summary>
/// <param name="StartVa">Virtual address of the first byte.</param>
/// <param name="PhysicalBase">Physical address of the first byte.</param>
/// <param name="ByteCount">Length of the buffer in bytes.</param>
public sealed record Mdl(VirtualAddress StartVa, PhysicalAddress PhysicalBase, uint ByteCount);
