using NetDma.Contracts.Platform;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4010: asks for one spare map register and, after mapping the piece, maps its first byte again, a range
/// that is already mapped (dma-verification.md). Both mappings start at the piece's CurrentVa, so the one
/// FlushAdapterBuffers of the piece flushes both.
/// </summary>
public sealed class DoubleMappingDriver : BrokenWdmDriver
{
    protected override uint ExtraMapRegisters => 1;

    protected override PhysicalAddress MapPiece(Mdl mdl, MapRegisterBase mapRegisterBase, VirtualAddress currentVa, ref uint length, bool writeToDevice)
    {
        var logical = base.MapPiece(mdl, mapRegisterBase, currentVa, ref length, writeToDevice);
        var one = 1u;
        _ = base.MapPiece(mdl, mapRegisterBase, currentVa, ref one, writeToDevice);
        return logical;
    }
}
