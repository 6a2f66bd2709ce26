using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// The IRQL facts at one point of a function: the distinct path classes the flow driver found there (empty when
/// unreachable), so a later check can tell "on all paths" from "on some paths". Past <see cref="MaxPaths"/> classes the
/// paths are merged into one (and "all paths" is no longer claimed).
/// </summary>
internal sealed class IrqlFlowState : IEquatable<IrqlFlowState>
{
    /// <summary>Most path classes kept per program point.</summary>
    public const int MaxPaths = 24;

    private IrqlFlowState(ImmutableArray<IrqlPath> paths) => Paths = paths;

    public static IrqlFlowState Unreachable { get; } = new(ImmutableArray<IrqlPath>.Empty);

    public ImmutableArray<IrqlPath> Paths { get; }

    public bool IsUnreachable => Paths.IsEmpty;

    public static IrqlFlowState Of(IEnumerable<IrqlPath> paths)
    {
        var distinct = new List<IrqlPath>();
        foreach (var path in paths)
        {
            if (!distinct.Contains(path))
            {
                distinct.Add(path);
            }
        }

        if (distinct.Count > MaxPaths)
        {
            var merged = distinct[0];
            for (var i = 1; i < distinct.Count; i++)
            {
                merged = merged.MergeWith(distinct[i]);
            }

            return new IrqlFlowState(ImmutableArray.Create(merged));
        }

        return new IrqlFlowState(distinct.ToImmutableArray());
    }

    public bool Equals(IrqlFlowState? other) =>
        other is not null && Paths.Length == other.Paths.Length && Paths.All(p => other.Paths.Contains(p));

    public override bool Equals(object? obj) => Equals(obj as IrqlFlowState);

    public override int GetHashCode() => Paths.Aggregate(Paths.Length, (hash, path) => hash ^ path.GetHashCode());
}
