namespace NetDma.Contracts.Annotations;

/// <summary>
/// The SAL direction (<c>_In_</c>, <c>_Out_</c>, <c>_Inout_</c>, with <c>_opt_</c>) of a contract parameter.
/// The C# parameter name is the DDI parameter name. Where the page's tag disagrees with what the parameter
/// really does, the attribute states what it does and <see cref="PageSays"/> keeps the page's tag, so the
/// disagreement is visible and tested (the fidelity test's allow-list names each case).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class DdiParameterAttribute : Attribute
{
    /// <summary>A parameter whose page tag matches what it does.</summary>
    /// <param name="direction">What the callee does with the parameter.</param>
    public DdiParameterAttribute(DdiParameterDirection direction) => Direction = direction;

    /// <summary>A parameter whose page tag (<paramref name="pageSays"/>) differs from what it does.</summary>
    /// <param name="direction">What the callee does with the parameter.</param>
    /// <param name="pageSays">The page's tag.</param>
    public DdiParameterAttribute(DdiParameterDirection direction, DdiParameterDirection pageSays)
    {
        Direction = direction;
        PageSays = pageSays;
    }

    /// <summary>What the callee does with the parameter.</summary>
    public DdiParameterDirection Direction { get; }

    /// <summary>The parameter may be NULL (<c>_opt_</c>).</summary>
    public bool Optional { get; init; }

    /// <summary>The page's own tag when it differs from <see cref="Direction"/>; otherwise <see langword="null"/>.</summary>
    public DdiParameterDirection? PageSays { get; }
}
