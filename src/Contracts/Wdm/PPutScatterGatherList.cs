using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>PPUT_SCATTER_GATHER_LIST</c> (PutScatterGatherList): flush and free the map registers and the list that
/// GetScatterGatherList built. Called at DISPATCH_LEVEL. No return value. Source: nc-wdm-pput_scatter_gather_list.md.
/// </summary>
/// <param name="DmaAdapter">The adapter.</param>
/// <param name="ScatterGather">The list the execution routine received.</param>
/// <param name="WriteToDevice">The transfer's direction.</param>
[Ddi("PPUT_SCATTER_GATHER_LIST", DdiKind.Callback, "wdm.h", "nc-wdm-pput_scatter_gather_list.md", Role = "PutScatterGatherList")]
[IrqlRequires(Irql.DISPATCH_LEVEL)]
public delegate void PPutScatterGatherList(
    [DdiParameter(DdiParameterDirection.In)] DmaAdapter DmaAdapter,
    [DdiParameter(DdiParameterDirection.In)] ScatterGatherList ScatterGather,
    [DdiParameter(DdiParameterDirection.In)] bool WriteToDevice);
