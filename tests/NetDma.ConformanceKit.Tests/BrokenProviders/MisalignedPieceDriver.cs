using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4024: splits every transfer into pieces of at most 1000 bytes, so on a platform whose GetDmaAlignment
/// is 64 the pieces' CurrentVa and Length are not multiples of it (nc-wdm-pget_dma_alignment.md: "The starting address
/// and length of DMA buffers must be a multiple of this value").
/// </summary>
public sealed class MisalignedPieceDriver : BrokenWdmDriver
{
    protected override uint PieceLength(VirtualAddress va, uint remaining, uint registers) =>
        Math.Min(1000u, base.PieceLength(va, remaining, registers));
}
