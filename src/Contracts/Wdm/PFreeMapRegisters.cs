using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>PFREE_MAP_REGISTERS</c> (FreeMapRegisters): release map registers kept by an AdapterControl that returned
/// DeallocateObjectKeepRegisters, after FlushAdapterBuffers. Called at DISPATCH_LEVEL. No return value.
/// Source: nc-wdm-pfree_map_registers.md.
/// </summary>
/// <param name="DmaAdapter">The adapter.</param>
/// <param name="MapRegisterBase">The base AdapterControl received.</param>
/// <param name="NumberOfMapRegisters">The count that was allocated (a count, not bytes).</param>
[Ddi("PFREE_MAP_REGISTERS", DdiKind.Callback, "wdm.h", "nc-wdm-pfree_map_registers.md", Role = "FreeMapRegisters")]
[IrqlRequires(Irql.DISPATCH_LEVEL)]
public delegate void PFreeMapRegisters(
    [DdiParameter(DdiParameterDirection.In)] DmaAdapter DmaAdapter,
    [DdiParameter(DdiParameterDirection.In)] MapRegisterBase MapRegisterBase,
    [DdiParameter(DdiParameterDirection.In)] uint NumberOfMapRegisters);
