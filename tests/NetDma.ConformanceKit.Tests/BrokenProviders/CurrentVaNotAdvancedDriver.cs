using NetDma.Contracts.Platform;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4026: splits a long transfer into pieces but maps every piece from the start of the MDL, never updating
/// CurrentVa for the next MapTransfer (nc-wdm-pmap_transfer.md: "it must update" CurrentVa and Length).
/// </summary>
public sealed class CurrentVaNotAdvancedDriver : BrokenWdmDriver
{
    protected override VirtualAddress PieceStart(Mdl mdl, uint done) => mdl.StartVa;
}
