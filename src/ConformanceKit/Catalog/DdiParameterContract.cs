using System.Reflection;
using NetDma.Contracts.Annotations;

namespace NetDma.ConformanceKit.Catalog;

/// <summary>
/// One parameter of a DDI contract as its <see cref="DdiParameterAttribute"/> states it: the DDI parameter name, what
/// the callee does with it and, where the reference page's <c>[in]</c>/<c>[out]</c>/<c>[in, out]</c> tag disagrees,
/// the page's tag (for example <c>pNetDmaProviderHandle</c> of nf-netdma-netdmaregisterprovider.md is tagged
/// <c>[in]</c> but written by the callee).
/// </summary>
/// <param name="Name">The DDI parameter name (the C# parameter name), e.g. <c>pProviderChannelContext</c>.</param>
/// <param name="Position">0-based position in the DDI's parameter list.</param>
/// <param name="Direction">What the callee does with the parameter.</param>
/// <param name="Optional">True for <c>_opt_</c> parameters (the page's <c>[in, optional]</c>).</param>
/// <param name="PageSays">The page's tag when it differs from <paramref name="Direction"/>; otherwise null.</param>
/// <param name="Parameter">The reflected parameter it was read from.</param>
public sealed record DdiParameterContract(
    string Name, int Position, DdiParameterDirection Direction, bool Optional, DdiParameterDirection? PageSays,
    ParameterInfo Parameter)
{
    /// <summary>The tag the reference page gives the parameter: <see cref="PageSays"/> when set, else <see cref="Direction"/>.</summary>
    public DdiParameterDirection PageDirection => PageSays ?? Direction;

    /// <summary>Reads every parameter of a contract delegate type (its <c>Invoke</c> signature) or contract method.</summary>
    /// <exception cref="InvalidOperationException">A parameter carries no <see cref="DdiParameterAttribute"/>: a
    /// contract must state the direction of each parameter.</exception>
    public static IReadOnlyList<DdiParameterContract> ReadAll(MemberInfo member)
    {
        var parameters = member switch
        {
            MethodBase method => method.GetParameters(),
            Type type when typeof(Delegate).IsAssignableFrom(type) =>
                type.GetMethod("Invoke")?.GetParameters()
                ?? throw new InvalidOperationException($"Delegate type {type.FullName} has no Invoke method."),
            _ => throw new InvalidOperationException(
                $"{member.Name} is neither a method nor a delegate type; only those carry DDI parameters."),
        };

        return [.. parameters.Select(Read)];
    }

    /// <summary>The direction as the catalog export spells it: <c>in</c>, <c>out</c> or <c>inout</c>.</summary>
    public static string Spell(DdiParameterDirection direction) => direction switch
    {
        DdiParameterDirection.In => "in",
        DdiParameterDirection.Out => "out",
        DdiParameterDirection.InOut => "inout",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Not a DDI parameter direction."),
    };

    private static DdiParameterContract Read(ParameterInfo parameter)
    {
        var attribute = parameter.GetCustomAttribute<DdiParameterAttribute>()
            ?? throw new InvalidOperationException(
                $"Parameter {parameter.Name} of {parameter.Member.DeclaringType?.FullName}.{parameter.Member.Name} " +
                "carries no [DdiParameter]; every parameter of a [Ddi] contract states its direction.");
        return new DdiParameterContract(
            parameter.Name ?? $"#{parameter.Position}", parameter.Position, attribute.Direction, attribute.Optional,
            attribute.PageSays, parameter);
    }
}
