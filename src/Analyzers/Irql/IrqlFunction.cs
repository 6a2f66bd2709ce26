using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// One analyzed function body: a method or accessor, a local function or a lambda, with its flow analysis and the
/// entry its own contract (or, for a lambda, its contract delegate type) gives it.
/// </summary>
internal sealed class IrqlFunction
{
    public IrqlFunction(IMethodSymbol symbol, string name, Location location, IrqlFlowAnalysis flow, IrqlEntry? contractEntry, IrqlFunction? parent)
    {
        Symbol = symbol;
        Name = name;
        Location = location;
        Flow = flow;
        ContractEntry = contractEntry;
        Parent = parent;
    }

    public IMethodSymbol Symbol { get; }

    /// <summary>The name call chains show: the method or local function name, <c>lambda</c> for a lambda.</summary>
    public string Name { get; }

    /// <summary>Where a diagnostic about the whole function goes: its name, or a lambda's parameter list and arrow.</summary>
    public Location Location { get; }

    public IrqlFlowAnalysis Flow { get; }

    /// <summary>The entry from the function's contract, or null when it has none.</summary>
    public IrqlEntry? ContractEntry { get; }

    /// <summary>The function whose body declares this one (local functions and lambdas), or null.</summary>
    public IrqlFunction? Parent { get; }

    /// <summary>
    /// True when the function takes its IRQL from its callers: no contract of its own, and only code of this
    /// compilation can call it (a private or internal method, a local function, a lambda).
    /// </summary>
    public bool Inherits => ContractEntry is null && IsCompilationLocal(Symbol);

    public static bool IsCompilationLocal(IMethodSymbol method)
    {
        if (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction)
        {
            return true;
        }

        for (ISymbol? symbol = method; symbol is not null and not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal)
            {
                return true;
            }
        }

        return false;
    }
}
