using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>PALLOCATE_COMMON_BUFFER</c> (AllocateCommonBuffer): allocate memory visible to both the CPU and the device.
/// Returns the virtual address, or NULL on failure. The page's IRQL is PASSIVE_LEVEL (while it names the IrqlDispatch
/// compliance rule; the page's level is the contract). Source: nc-wdm-pallocate_common_buffer.md.
/// </summary>
/// <param name="DmaAdapter">The adapter.</param>
/// <param name="Length">Bytes to allocate.</param>
/// <param name="LogicalAddress">Receives the logical (bus) address for the device.</param>
/// <param name="CacheEnabled">Whether the memory may be cached.</param>
/// <returns>The virtual address, or <see cref="VirtualAddress.Null"/>.</returns>
[Ddi("PALLOCATE_COMMON_BUFFER", DdiKind.Callback, "wdm.h", "nc-wdm-pallocate_common_buffer.md", Role = "AllocateCommonBuffer")]
[IrqlRequires(Irql.PASSIVE_LEVEL)]
[MustInspectResult]
public delegate VirtualAddress PAllocateCommonBuffer(
    [DdiParameter(DdiParameterDirection.In)] DmaAdapter DmaAdapter,
    [DdiParameter(DdiParameterDirection.In)] uint Length,
    [DdiParameter(DdiParameterDirection.Out)] out PhysicalAddress LogicalAddress,
    [DdiParameter(DdiParameterDirection.In)] bool CacheEnabled);
