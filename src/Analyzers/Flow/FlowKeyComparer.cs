using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Flow;

/// <summary>Compares the keys of a <see cref="PathState"/>: symbols (locals, parameters) by symbol identity, flow-capture IDs by value.</summary>
internal sealed class FlowKeyComparer : IEqualityComparer<object>
{
    public static FlowKeyComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) =>
        x is ISymbol left && y is ISymbol right ? SymbolEqualityComparer.Default.Equals(left, right) : object.Equals(x, y);

    public int GetHashCode(object obj) =>
        obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
}
