using System.Collections.Immutable;

namespace NetDma.Analyzers.Flow;

/// <summary>What <see cref="ForwardFlow"/> found for one analysis of one graph.</summary>
/// <typeparam name="TPath">The analysis' path.</typeparam>
/// <param name="Completed">False when a budget stopped the run: the routine is not analyzed and the other members are partial.</param>
/// <param name="AtEntry">Per block ordinal, the distinct paths that reach the block, in the order they were found (empty when unreachable); the last block is the exit.</param>
/// <param name="ThrowExits">Each explicit <c>throw</c> that leaves the function, as the ordinal of its block and the path it leaves with.</param>
internal sealed record FlowResult<TPath>(bool Completed, ImmutableArray<ImmutableArray<TPath>> AtEntry, ImmutableArray<(int Block, TPath Path)> ThrowExits)
    where TPath : class
{
    /// <summary>The paths that leave the function normally (those reaching its exit block).</summary>
    public ImmutableArray<TPath> AtExit => AtEntry[AtEntry.Length - 1];
}
