namespace NetDma.Analyzers.Flow;

/// <summary>The kinds of <see cref="AbstractValue"/>.</summary>
internal enum AbstractValueKind
{
    Unknown,
    Constant,
    Null,
}
