using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// What a function's entry level can be: one alternative per way in (its contract, each contract delegate it is
/// converted to, each path of each caller that reaches it). An alternative with <see cref="IrqlEntryAlternative.Unknown"/>
/// stands for callers the analysis knows nothing about.
/// </summary>
internal sealed class IrqlEntry
{
    /// <summary>Most alternatives kept.</summary>
    public const int MaxAlternatives = 24;

    private IrqlEntry(ImmutableArray<IrqlEntryAlternative> alternatives) => Alternatives = alternatives;

    /// <summary>Entered at a level nothing says anything about.</summary>
    public static IrqlEntry Unresolved { get; } = new(ImmutableArray.Create(new IrqlEntryAlternative(IrqlLevels.None, true, string.Empty)));

    public ImmutableArray<IrqlEntryAlternative> Alternatives { get; }

    /// <summary>True when some alternative names known levels.</summary>
    public bool IsKnown => Alternatives.Any(a => !a.Levels.IsEmpty);

    /// <summary>The union of the known levels of every alternative.</summary>
    public IrqlLevels KnownLevels => Alternatives.Aggregate(IrqlLevels.None, (levels, a) => levels.Union(a.Levels));

    public static IrqlEntry Of(IrqlLevels levels, string origin) => new(ImmutableArray.Create(new IrqlEntryAlternative(levels, false, origin)));

    public static IrqlEntry Of(IEnumerable<IrqlEntryAlternative> alternatives)
    {
        var distinct = alternatives.Distinct().ToList();
        if (distinct.Count == 0)
        {
            return Unresolved;
        }

        if (distinct.Count > MaxAlternatives)
        {
            // Keep the facts, lose the per-path split: one alternative with every level and origin.
            var levels = distinct.Aggregate(IrqlLevels.None, (l, a) => l.Union(a.Levels));
            var origins = string.Join("; ", distinct.Select(a => a.Origin).Where(o => o.Length > 0).Distinct());
            distinct = [new IrqlEntryAlternative(levels, distinct.Any(a => a.Unknown), origins)];
        }

        return new IrqlEntry(distinct.ToImmutableArray());
    }

    /// <summary>Both sets of alternatives.</summary>
    public IrqlEntry Join(IrqlEntry other) => Of(Alternatives.Concat(other.Alternatives));
}
