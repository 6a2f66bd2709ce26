using System;
using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Flow;

/// <summary>
/// What a path knows about one variable: an integral constant (an NTSTATUS) together with the expression it came
/// from, the null reference together with its expression, or nothing. Two constants of the same value written at
/// different places are different values, so a report can point at each source.
/// </summary>
internal sealed class AbstractValue : IEquatable<AbstractValue>
{
    private AbstractValue(AbstractValueKind kind, int constant, SyntaxNode? source)
    {
        Kind = kind;
        Constant = constant;
        Source = source;
    }

    /// <summary>A value the analysis does not know.</summary>
    public static AbstractValue Unknown { get; } = new(AbstractValueKind.Unknown, 0, null);

    public AbstractValueKind Kind { get; }

    /// <summary>The 32-bit value of a <see cref="AbstractValueKind.Constant"/> (NTSTATUS is a LONG).</summary>
    public int Constant { get; }

    /// <summary>The expression that produced a constant or null.</summary>
    public SyntaxNode? Source { get; }

    public bool IsConstant => Kind == AbstractValueKind.Constant;

    public bool IsNull => Kind == AbstractValueKind.Null;

    public static AbstractValue OfConstant(int value, SyntaxNode source) => new(AbstractValueKind.Constant, value, source);

    public static AbstractValue OfNull(SyntaxNode source) => new(AbstractValueKind.Null, 0, source);

    public bool Equals(AbstractValue? other) =>
        other is not null && Kind == other.Kind && Constant == other.Constant && ReferenceEquals(Source, other.Source);

    public override bool Equals(object? obj) => Equals(obj as AbstractValue);

    public override int GetHashCode() => ((int)Kind * 397) ^ Constant ^ (Source?.SpanStart ?? 0);
}
