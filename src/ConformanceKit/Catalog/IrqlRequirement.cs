using System.Reflection;
using NetDma.Contracts.Annotations;

namespace NetDma.ConformanceKit.Catalog;

/// <summary>
/// The IRQL a contract member requires, read from its SAL-style attributes (<see cref="IrqlRequiresAttribute"/>,
/// <see cref="IrqlRequiresMaxAttribute"/>, <see cref="IrqlRequiresMinAttribute"/>). No attribute means any level.
/// An exact <see cref="Irql.DIRQL"/> requirement accepts every device level (3..12).
/// </summary>
/// <param name="Min">Lowest allowed level, or null.</param>
/// <param name="Max">Highest allowed level, or null for no ceiling ("Any level").</param>
/// <param name="Exact">True when the member runs at exactly one level (<c>_IRQL_requires_</c>).</param>
public sealed record IrqlRequirement(Irql? Min, Irql? Max, bool Exact)
{
    /// <summary>No requirement: any level.</summary>
    public static IrqlRequirement Any { get; } = new(null, null, false);

    /// <summary>Reads the requirement of a delegate type or method.</summary>
    public static IrqlRequirement Of(MemberInfo member)
    {
        if (member.GetCustomAttribute<IrqlRequiresAttribute>() is { } exact)
        {
            return exact.Level == Irql.DIRQL
                ? new IrqlRequirement(Irql.DIRQL, Irql.DIRQL_MAX, true)
                : new IrqlRequirement(exact.Level, exact.Level, true);
        }

        var max = member.GetCustomAttribute<IrqlRequiresMaxAttribute>()?.Max;
        var min = member.GetCustomAttribute<IrqlRequiresMinAttribute>()?.Min;
        return new IrqlRequirement(min, max, false);
    }

    /// <summary>True when code may run the member at <paramref name="irql"/>.</summary>
    public bool Allows(Irql irql) => (Min is null || irql >= Min) && (Max is null || irql <= Max);

    /// <summary>Human form: <c>= DISPATCH_LEVEL</c>, <c>&lt;= DISPATCH_LEVEL</c>, <c>&gt;= APC_LEVEL</c>, <c>any level</c>.</summary>
    public string Describe() => this switch
    {
        { Exact: true, Min: { } level } => $"IRQL = {level.ToDdiName()}",
        { Min: { } min, Max: { } max } => $"{min.ToDdiName()} <= IRQL <= {max.ToDdiName()}",
        { Max: { } max } => $"IRQL <= {max.ToDdiName()}",
        { Min: { } min } => $"IRQL >= {min.ToDdiName()}",
        _ => "any IRQL",
    };
}
