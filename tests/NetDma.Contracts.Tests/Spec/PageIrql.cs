using NetDma.ConformanceKit.Catalog;
using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Tests.Spec;

/// <summary>How a requirement bounds the IRQL.</summary>
public enum IrqlBound
{
    /// <summary>Any level: no requirement.</summary>
    Any,

    /// <summary>Exactly the level (<c>X</c>, <c>= X</c>, <c>Called at X.</c>).</summary>
    Exact,

    /// <summary>At most the level (<c>&lt;= X</c>).</summary>
    AtMost,

    /// <summary>At least the level (<c>&gt;= X</c>).</summary>
    AtLeast,
}

/// <summary>
/// An IRQL requirement in the terms both a page's <c>req.irql</c> and a contract can state, so the two compare:
/// a bound and a level. <see cref="Spelling"/> keeps the page's word for the level (<c>DEVICE_LEVEL</c>).
/// </summary>
/// <param name="Bound">How the level bounds the IRQL.</param>
/// <param name="Level">The level, or null for <see cref="IrqlBound.Any"/>.</param>
/// <param name="Spelling">The level as written (a page's word, or the DDI spelling for a contract).</param>
internal sealed record PageIrql(IrqlBound Bound, Irql? Level, string Spelling)
{
    public static PageIrql Any { get; } = new(IrqlBound.Any, null, "");

    /// <summary>
    /// Parses <c>req.irql</c>: <c>&lt;= X</c> is at most X; <c>X</c>, <c>= X</c> and <c>Called at X.</c> are exactly X;
    /// <c>&gt;= X</c> is at least X; <c>Any level</c> is no requirement. Levels go through
    /// <see cref="IrqlNames.TryParse"/>, so <c>DEVICE_LEVEL</c> is DIRQL.
    /// </summary>
    /// <returns>False when the text is empty or names no level.</returns>
    public static bool TryParse(string text, out PageIrql irql)
    {
        var value = text.Trim().TrimEnd('.').Trim();
        irql = Any;
        if (value.Equals("Any level", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        (IrqlBound bound, string level) = value switch
        {
            _ when value.StartsWith("<=", StringComparison.Ordinal) => (IrqlBound.AtMost, value[2..]),
            _ when value.StartsWith(">=", StringComparison.Ordinal) => (IrqlBound.AtLeast, value[2..]),
            _ when value.StartsWith('=') => (IrqlBound.Exact, value[1..]),
            _ when value.StartsWith("Called at ", StringComparison.OrdinalIgnoreCase) => (IrqlBound.Exact, value["Called at ".Length..]),
            _ => (IrqlBound.Exact, value),
        };
        level = level.Trim();
        if (!IrqlNames.TryParse(level, out var parsed))
        {
            return false;
        }

        irql = new PageIrql(bound, parsed, level);
        return true;
    }

    /// <summary>
    /// The contract's requirement in the same terms; null when it is a range (both a floor and a ceiling without being
    /// exact), which no page states.
    /// </summary>
    public static PageIrql? Of(IrqlRequirement requirement) => requirement switch
    {
        { Exact: true, Min: { } level } => new(IrqlBound.Exact, level, level.ToDdiName()),
        { Min: null, Max: null } => Any,
        { Min: null, Max: { } max } => new(IrqlBound.AtMost, max, max.ToDdiName()),
        { Min: { } min, Max: null } => new(IrqlBound.AtLeast, min, min.ToDdiName()),
        _ => null,
    };

    /// <summary>True when both state the same bound and level, whatever the spelling.</summary>
    public bool SameRequirement(PageIrql other) => Bound == other.Bound && Level == other.Level;

    /// <inheritdoc/>
    public override string ToString() => Bound switch
    {
        IrqlBound.Any => "any level",
        IrqlBound.Exact => $"= {Spelling}",
        IrqlBound.AtMost => $"<= {Spelling}",
        _ => $">= {Spelling}",
    };
}
