using System.Collections.Generic;
using System.Linq;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// Whether the levels reaching a point break a requirement: on every path (each path can be at a forbidden level),
/// on some paths, or not at all; which forbidden levels; and why they are reached.
/// </summary>
internal sealed class IrqlVerdict
{
    private IrqlVerdict(bool violates, bool allPaths, IrqlLevels levels, string origins)
    {
        Violates = violates;
        AllPaths = allPaths;
        Levels = levels;
        Origins = origins;
    }

    /// <summary>One pass with no entry alternative, for a path that does not depend on the entry level.</summary>
    private static readonly IrqlEntryAlternative?[] NoAlternative = [null];

    public static IrqlVerdict None { get; } = new(false, false, IrqlLevels.None, string.Empty);

    public bool Violates { get; }

    /// <summary>True when every path reaching the point can be at a forbidden level.</summary>
    public bool AllPaths { get; }

    /// <summary>The forbidden levels that are reached.</summary>
    public IrqlLevels Levels { get; }

    /// <summary>Why those levels are reached, <c>; </c>-separated.</summary>
    public string Origins { get; }

    /// <summary><c>all</c> or <c>some</c>, as messages say it.</summary>
    public string PathsWord => AllPaths ? "all" : "some";

    /// <summary>
    /// Checks <paramref name="state"/> against <paramref name="allowed"/>, resolving the entry level through
    /// <paramref name="entry"/>. With <paramref name="countRaises"/> false, levels set by raises inside the function
    /// do not count (they are reported where that function is analyzed on its own).
    /// </summary>
    public static IrqlVerdict Evaluate(IrqlFlowState state, IrqlEntry entry, IrqlLevels allowed, bool countRaises)
    {
        if (state.IsUnreachable)
        {
            return None;
        }

        var any = false;
        var all = true;
        var levels = IrqlLevels.None;
        var origins = new List<string>();
        foreach (var path in state.Paths)
        {
            var raised = countRaises ? path.Current.Levels.Except(allowed) : IrqlLevels.None;
            IEnumerable<IrqlEntryAlternative?> alternatives = path.Current.Entry ? entry.Alternatives : NoAlternative;
            foreach (var alternative in alternatives)
            {
                var entered = alternative is null ? IrqlLevels.None : alternative.Levels.Except(allowed);
                var violates = !raised.IsEmpty || !entered.IsEmpty;
                any |= violates;
                all &= violates && !path.Merged;
                if (!raised.IsEmpty)
                {
                    levels = levels.Union(raised);
                    Add(origins, path.Current.Source);
                }

                if (!entered.IsEmpty)
                {
                    levels = levels.Union(entered);
                    Add(origins, alternative!.Origin);
                }
            }
        }

        return any ? new IrqlVerdict(true, all, levels, string.Join("; ", origins)) : None;
    }

    /// <summary>
    /// The entry of a function called at <paramref name="state"/> by a function entered through
    /// <paramref name="callerEntry"/>: one alternative per path and caller alternative.
    /// </summary>
    public static IrqlEntry EntryOfCallee(IrqlFlowState state, IrqlEntry callerEntry, bool countRaises)
    {
        var alternatives = new List<IrqlEntryAlternative>();
        foreach (var path in state.Paths)
        {
            var current = path.Current;
            var raised = countRaises ? current.Levels : IrqlLevels.None;
            var raisedUnknown = current.Unknown || (!countRaises && !current.Levels.IsEmpty);
            IEnumerable<IrqlEntryAlternative?> callerAlternatives = current.Entry ? callerEntry.Alternatives : NoAlternative;
            foreach (var alternative in callerAlternatives)
            {
                var origins = new List<string>();
                if (!raised.IsEmpty)
                {
                    Add(origins, current.Source);
                }

                if (alternative is not null)
                {
                    Add(origins, alternative.Origin);
                }

                alternatives.Add(new IrqlEntryAlternative(
                    raised.Union(alternative?.Levels ?? IrqlLevels.None),
                    raisedUnknown || (alternative?.Unknown ?? false),
                    string.Join("; ", origins)));
            }
        }

        return IrqlEntry.Of(alternatives);
    }

    private static void Add(List<string> origins, string? origin)
    {
        if (origin is null || origin.Length == 0)
        {
            return;
        }

        foreach (var part in origin.Split(new[] { "; " }, System.StringSplitOptions.RemoveEmptyEntries))
        {
            if (!origins.Contains(part))
            {
                origins.Add(part);
            }
        }
    }
}
