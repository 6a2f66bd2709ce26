namespace NetDma.ConformanceKit.Diagnostics;

/// <summary>
/// The argument list a <see cref="TraceEntry"/> quotes inside its parentheses (<c>ch0, 0x00000001000219C0,
/// DescriptorCount=1</c>): a constant template whose <c>{0}</c>, <c>{1}</c>, <c>{2}</c> stand for up to three
/// <see cref="TraceValue"/>s, kept as values until the entry is formatted. A string converts to a list that is just
/// that text (for calls too rare to be worth the values).
/// </summary>
/// <param name="Template">The list with <c>{0}</c>..<c>{2}</c> where the values go; no other braces.</param>
/// <param name="First">The value of <c>{0}</c>.</param>
/// <param name="Second">The value of <c>{1}</c>.</param>
/// <param name="Third">The value of <c>{2}</c>.</param>
public readonly struct TraceArguments(string? Template, TraceValue First = default, TraceValue Second = default, TraceValue Third = default)
{
    /// <summary>The list with <c>{0}</c>..<c>{2}</c> where the values go; null for no list.</summary>
    public string? Template { get; } = Template;

    /// <summary>The value of <c>{0}</c>.</summary>
    public TraceValue First { get; } = First;

    /// <summary>The value of <c>{1}</c>.</summary>
    public TraceValue Second { get; } = Second;

    /// <summary>The value of <c>{2}</c>.</summary>
    public TraceValue Third { get; } = Third;

    /// <summary>A text converts to a list of just that text; null to no list (the entry shows no parentheses).</summary>
    public static implicit operator TraceArguments(string? text) => text is null ? default : new("{0}", text);

    /// <summary>True for the default value: no argument list.</summary>
    public bool IsNone => Template is null;

    /// <summary>The list's trace text.</summary>
    public override string ToString() => Template is null ? string.Empty : TraceEntry.Substitute(Template, First, Second, Third, default);
}
