using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>PMAP_TRANSFER</c> (MapTransfer): map part of an MDL through the map registers; returns the logical (bus) address
/// of the mapped range and shortens <c>Length</c> to what was mapped. Called at IRQL &lt;= DISPATCH_LEVEL.
/// Source: nc-wdm-pmap_transfer.md.
/// </summary>
/// <param name="DmaAdapter">The adapter.</param>
/// <param name="Mdl">The buffer.</param>
/// <param name="MapRegisterBase">The base AdapterControl received.</param>
/// <param name="CurrentVa">Virtual address of the first byte to map, inside <paramref name="Mdl"/>.</param>
/// <param name="Length">In: bytes wanted; out: bytes mapped.</param>
/// <param name="WriteToDevice">True for memory-to-device transfers.</param>
/// <returns>The logical address the device must use.</returns>
[Ddi("PMAP_TRANSFER", DdiKind.Callback, "wdm.h", "nc-wdm-pmap_transfer.md", Role = "MapTransfer")]
[IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
public delegate PhysicalAddress PMapTransfer(
    [DdiParameter(DdiParameterDirection.In)] DmaAdapter DmaAdapter,
    [DdiParameter(DdiParameterDirection.In)] Mdl Mdl,
    [DdiParameter(DdiParameterDirection.In)] MapRegisterBase MapRegisterBase,
    [DdiParameter(DdiParameterDirection.In)] VirtualAddress CurrentVa,
    [DdiParameter(DdiParameterDirection.InOut)] ref uint Length,
    [DdiParameter(DdiParameterDirection.In)] bool WriteToDevice);
