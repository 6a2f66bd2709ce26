using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>PALLOCATE_ADAPTER_CHANNEL_EX</c> (AllocateAdapterChannelEx, DMA_OPERATIONS version 3): allocate the adapter
/// channel and map registers for a DMA transfer context, asynchronously through <c>ExecutionRoutine</c> or, with
/// <c>DMA_SYNCHRONOUS_CALLBACK</c> semantics, returning <c>MapRegisterBase</c>. Called at DISPATCH_LEVEL. Returns
/// STATUS_SUCCESS, STATUS_INVALID_PARAMETER (page: STATUS_INVALID_PARAMETERS) or STATUS_INSUFFICIENT_RESOURCES.
/// Source: nc-wdm-pallocate_adapter_channel_ex.md.
/// </summary>
/// <param name="DmaAdapter">The adapter.</param>
/// <param name="DeviceObject">The device object.</param>
/// <param name="DmaTransferContext">The initialized DMA transfer context.</param>
/// <param name="NumberOfMapRegisters">Map registers needed (a count).</param>
/// <param name="Flags">0, or <c>DMA_SYNCHRONOUS_CALLBACK</c> (0x1).</param>
/// <param name="ExecutionRoutine">Optional AdapterControl routine.</param>
/// <param name="ExecutionContext">Optional context for the routine.</param>
/// <param name="MapRegisterBase">Optional output: the map register base, for synchronous allocation.</param>
/// <returns>STATUS_SUCCESS, STATUS_INVALID_PARAMETER or STATUS_INSUFFICIENT_RESOURCES.</returns>
[Ddi("PALLOCATE_ADAPTER_CHANNEL_EX", DdiKind.Callback, "wdm.h", "nc-wdm-pallocate_adapter_channel_ex.md", Role = "AllocateAdapterChannelEx")]
[IrqlRequires(Irql.DISPATCH_LEVEL)]
[MustInspectResult]
[DdiStatuses(NtStatus.STATUS_SUCCESS, NtStatus.STATUS_INVALID_PARAMETER, NtStatus.STATUS_INSUFFICIENT_RESOURCES)]
public delegate NtStatus PAllocateAdapterChannelEx(
    [DdiParameter(DdiParameterDirection.In)] DmaAdapter DmaAdapter,
    [DdiParameter(DdiParameterDirection.In)] DeviceObject DeviceObject,
    [DdiParameter(DdiParameterDirection.In)] object DmaTransferContext,
    [DdiParameter(DdiParameterDirection.In)] uint NumberOfMapRegisters,
    [DdiParameter(DdiParameterDirection.In)] uint Flags,
    [DdiParameter(DdiParameterDirection.In, Optional = true)] DriverControl? ExecutionRoutine,
    [DdiParameter(DdiParameterDirection.In, Optional = true)] object? ExecutionContext,
    [DdiParameter(DdiParameterDirection.Out, Optional = true)] out MapRegisterBase? MapRegisterBase);
