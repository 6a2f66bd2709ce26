using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>PFLUSH_ADAPTER_BUFFERS</c> (FlushAdapterBuffers): flush data left in the map registers at the end of a transfer;
/// must come before FreeMapRegisters/FreeAdapterChannel. Called at IRQL &lt;= DISPATCH_LEVEL. Returns TRUE when the
/// data was flushed. Source: nc-wdm-pflush_adapter_buffers.md.
/// </summary>
/// <param name="DmaAdapter">The adapter.</param>
/// <param name="Mdl">The buffer of the transfer.</param>
/// <param name="MapRegisterBase">The base AdapterControl received.</param>
/// <param name="CurrentVa">Virtual address where the transfer started.</param>
/// <param name="Length">Bytes transferred.</param>
/// <param name="WriteToDevice">The transfer's direction.</param>
/// <returns>True when flushed.</returns>
[Ddi("PFLUSH_ADAPTER_BUFFERS", DdiKind.Callback, "wdm.h", "nc-wdm-pflush_adapter_buffers.md", Role = "FlushAdapterBuffers")]
[IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
public delegate bool PFlushAdapterBuffers(
    [DdiParameter(DdiParameterDirection.In)] DmaAdapter DmaAdapter,
    [DdiParameter(DdiParameterDirection.In)] Mdl Mdl,
    [DdiParameter(DdiParameterDirection.In)] MapRegisterBase MapRegisterBase,
    [DdiParameter(DdiParameterDirection.In)] VirtualAddress CurrentVa,
    [DdiParameter(DdiParameterDirection.In)] uint Length,
    [DdiParameter(DdiParameterDirection.In)] bool WriteToDevice);
