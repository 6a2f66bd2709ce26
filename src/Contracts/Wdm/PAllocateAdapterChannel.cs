using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>PALLOCATE_ADAPTER_CHANNEL</c> (AllocateAdapterChannel, reached through DMA_OPERATIONS): reserve the adapter
/// channel and <c>NumberOfMapRegisters</c> map registers (at most what IoGetDmaAdapter returned) and call
/// <c>ExecutionRoutine</c> (AdapterControl) when they are available. One request may be queued per device object at a
/// time; never call it from inside AdapterControl. Called at DISPATCH_LEVEL. Returns STATUS_SUCCESS or
/// STATUS_INSUFFICIENT_RESOURCES (then AdapterControl is not queued). Source: nc-wdm-pallocate_adapter_channel.md.
/// </summary>
/// <param name="DmaAdapter">The adapter IoGetDmaAdapter returned.</param>
/// <param name="DeviceObject">The device object whose CurrentIrp goes to AdapterControl.</param>
/// <param name="NumberOfMapRegisters">Map registers needed for the transfer (a count, not bytes).</param>
/// <param name="ExecutionRoutine">The AdapterControl routine.</param>
/// <param name="Context">Passed to AdapterControl.</param>
/// <returns>STATUS_SUCCESS or STATUS_INSUFFICIENT_RESOURCES.</returns>
[Ddi("PALLOCATE_ADAPTER_CHANNEL", DdiKind.Callback, "wdm.h", "nc-wdm-pallocate_adapter_channel.md", Role = "AllocateAdapterChannel")]
[IrqlRequires(Irql.DISPATCH_LEVEL)]
[MustInspectResult]
[DdiStatuses(NtStatus.STATUS_SUCCESS, NtStatus.STATUS_INSUFFICIENT_RESOURCES)]
public delegate NtStatus PAllocateAdapterChannel(
    [DdiParameter(DdiParameterDirection.In)] DmaAdapter DmaAdapter,
    [DdiParameter(DdiParameterDirection.In)] DeviceObject DeviceObject,
    [DdiParameter(DdiParameterDirection.In)] uint NumberOfMapRegisters,
    [DdiParameter(DdiParameterDirection.In)] DriverControl ExecutionRoutine,
    [DdiParameter(DdiParameterDirection.In)] object? Context);
