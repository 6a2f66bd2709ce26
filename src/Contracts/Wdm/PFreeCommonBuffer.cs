using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>PFREE_COMMON_BUFFER</c> (FreeCommonBuffer): free a common buffer with the same length, addresses and cache
/// setting it was allocated with. PASSIVE_LEVEL per the page. No return value. Source: nc-wdm-pfree_common_buffer.md.
/// </summary>
/// <param name="DmaAdapter">The adapter.</param>
/// <param name="Length">Bytes, as allocated.</param>
/// <param name="LogicalAddress">The logical address AllocateCommonBuffer returned.</param>
/// <param name="VirtualAddress">The virtual address AllocateCommonBuffer returned.</param>
/// <param name="CacheEnabled">As allocated.</param>
[Ddi("PFREE_COMMON_BUFFER", DdiKind.Callback, "wdm.h", "nc-wdm-pfree_common_buffer.md", Role = "FreeCommonBuffer")]
[IrqlRequires(Irql.PASSIVE_LEVEL)]
public delegate void PFreeCommonBuffer(
    [DdiParameter(DdiParameterDirection.In)] DmaAdapter DmaAdapter,
    [DdiParameter(DdiParameterDirection.In)] uint Length,
    [DdiParameter(DdiParameterDirection.In)] PhysicalAddress LogicalAddress,
    [DdiParameter(DdiParameterDirection.In)] VirtualAddress VirtualAddress,
    [DdiParameter(DdiParameterDirection.In)] bool CacheEnabled);
