using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// A point with an IRQL requirement: a call whose contract states an IRQL, a blocking operation, a paged-pool call.
/// </summary>
/// <param name="Location">Where a direct diagnostic goes.</param>
/// <param name="Subject">What is done, for the message: <c>KeWaitForSingleObject</c>, <c>Thread.Sleep</c>, <c>ExAllocatePool2 with PoolType.PagedPool</c>.</param>
/// <param name="ShortName">What call chains end with: <c>KeWaitForSingleObject</c>, <c>lock</c>.</param>
/// <param name="Allowed">The levels the requirement allows.</param>
/// <param name="Requirement">The requirement as messages spell it: <c>IRQL &lt;= APC_LEVEL</c>.</param>
/// <param name="State">The IRQL facts just before the point.</param>
/// <param name="Properties">Extra facts for code fixes (a direct diagnostic only).</param>
internal sealed record IrqlSite(
    Location Location,
    string Subject,
    string ShortName,
    IrqlLevels Allowed,
    string Requirement,
    IrqlFlowState State,
    ImmutableDictionary<string, string?> Properties);
