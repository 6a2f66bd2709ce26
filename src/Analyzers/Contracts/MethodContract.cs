using System.Collections.Immutable;

namespace NetDma.Analyzers.Contracts;

/// <summary>
/// The contract a routine runs under or must be called under, read from the NetDma.Contracts attributes.
/// </summary>
/// <param name="Irql">The IRQL requirement, or null when the contract states none (any level).</param>
/// <param name="Statuses">The documented NTSTATUS values (empty when the routine returns no NTSTATUS).</param>
/// <param name="MustInspectResult">True for <c>_Must_inspect_result_</c>.</param>
/// <param name="Name">The DDI name (<c>DMA_CHANNEL_ALLOCATE_HANDLER</c>, <c>NetDmaRegisterProvider</c>) or, for a routine annotated on its own, its name.</param>
/// <param name="Role">The role name (<c>ProviderAllocateDmaChannel</c>), or <paramref name="Name"/>.</param>
/// <param name="Page">The reference page, or null.</param>
internal sealed record MethodContract(
    IrqlRange? Irql, ImmutableArray<long> Statuses, bool MustInspectResult, string Name, string Role, string? Page)
{
    /// <summary>How messages name where the contract comes from: <c>ProviderAllocateDmaChannel (nc-netdma-...md)</c>.</summary>
    public string Origin => Page is null ? Role : $"{Role} ({Page})";
}
