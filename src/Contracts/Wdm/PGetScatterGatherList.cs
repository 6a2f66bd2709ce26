using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>PGET_SCATTER_GATHER_LIST</c> (GetScatterGatherList): allocate map registers, build the scatter/gather list of a
/// buffer and call <c>ExecutionRoutine</c> with it. Called at DISPATCH_LEVEL. Returns STATUS_SUCCESS,
/// STATUS_INSUFFICIENT_RESOURCES or STATUS_BUFFER_TOO_SMALL. Source: nc-wdm-pget_scatter_gather_list.md.
/// </summary>
/// <param name="DmaAdapter">The adapter.</param>
/// <param name="DeviceObject">The device object.</param>
/// <param name="Mdl">The buffer.</param>
/// <param name="CurrentVa">Virtual address of the first byte to transfer.</param>
/// <param name="Length">Bytes to transfer.</param>
/// <param name="ExecutionRoutine">Receives the list at DISPATCH_LEVEL.</param>
/// <param name="Context">Passed to the routine.</param>
/// <param name="WriteToDevice">The transfer's direction.</param>
/// <returns>STATUS_SUCCESS, STATUS_INSUFFICIENT_RESOURCES or STATUS_BUFFER_TOO_SMALL.</returns>
[Ddi("PGET_SCATTER_GATHER_LIST", DdiKind.Callback, "wdm.h", "nc-wdm-pget_scatter_gather_list.md", Role = "GetScatterGatherList")]
[IrqlRequires(Irql.DISPATCH_LEVEL)]
[MustInspectResult]
[DdiStatuses(NtStatus.STATUS_SUCCESS, NtStatus.STATUS_INSUFFICIENT_RESOURCES, NtStatus.STATUS_BUFFER_TOO_SMALL)]
public delegate NtStatus PGetScatterGatherList(
    [DdiParameter(DdiParameterDirection.In)] DmaAdapter DmaAdapter,
    [DdiParameter(DdiParameterDirection.In)] DeviceObject DeviceObject,
    [DdiParameter(DdiParameterDirection.In)] Mdl Mdl,
    [DdiParameter(DdiParameterDirection.In)] VirtualAddress CurrentVa,
    [DdiParameter(DdiParameterDirection.In)] uint Length,
    [DdiParameter(DdiParameterDirection.In)] DriverListControl ExecutionRoutine,
    [DdiParameter(DdiParameterDirection.In)] object? Context,
    [DdiParameter(DdiParameterDirection.In)] bool WriteToDevice);
