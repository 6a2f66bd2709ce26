using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetDma.Analyzers.Contracts;
using NetDma.Analyzers.Infrastructure;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// Reads and caches <see cref="IrqlCallEffect"/>s for one compilation. A member without attributes of its own takes
/// them from the interface member it implements or the method it overrides, as <see cref="ContractReader"/> does for
/// requirements; a delegate's <c>Invoke</c> takes the delegate type's <c>[IrqlRaises]</c>. Thread-safe.
/// </summary>
internal sealed class IrqlCallEffects
{
    private const string NewIrqlParameterName = "NewIrql";

    private readonly ContractReader _reader;
    private readonly ConcurrentDictionary<IMethodSymbol, IrqlCallEffect?> _cache = new(SymbolEqualityComparer.Default);

    public IrqlCallEffects(ContractReader reader, AnalysisBudgets budgets)
    {
        _reader = reader;
        Budgets = budgets;
    }

    public ContractReader Reader => _reader;

    public ContractSymbols Symbols => _reader.Symbols;

    /// <summary>The compilation's analysis bounds (the flow analysis and the function walk read theirs here).</summary>
    public AnalysisBudgets Budgets { get; }

    /// <summary>The effect of calling <paramref name="method"/>, or null when it has none.</summary>
    public IrqlCallEffect? Of(IMethodSymbol method) => _cache.GetOrAdd(method.OriginalDefinition, Compute);

    /// <summary>The name messages use for <paramref name="method"/>: its contract's role, else its name.</summary>
    public string NameOf(IMethodSymbol method)
    {
        if (_reader.Read(method) is { } contract)
        {
            return contract.Role;
        }

        return method.MethodKind == MethodKind.DelegateInvoke ? method.ContainingType.Name : method.Name;
    }

    private IrqlCallEffect? Compute(IMethodSymbol method)
    {
        var effect = FromAttributes(method);
        if (effect is not null)
        {
            return effect;
        }

        if (method.OverriddenMethod is { } overridden && Of(overridden) is { } inherited)
        {
            return inherited;
        }

        return ContractReader.ImplementedInterfaceMembers(method).Select(Of).FirstOrDefault(e => e is not null);
    }

    private IrqlCallEffect? FromAttributes(IMethodSymbol method)
    {
        var symbols = _reader.Symbols;
        var raisesAttribute = ContractReader.Find(method, symbols.IrqlRaises);
        if (raisesAttribute is null && method.MethodKind == MethodKind.DelegateInvoke)
        {
            raisesAttribute = ContractReader.Find(method.ContainingType, symbols.IrqlRaises);
        }

        var saves = method.Parameters.Where(p => ContractReader.Find(p, symbols.IrqlSaves) is not null).ToImmutableArray();
        var savesReturn = symbols.IrqlSaves is { } savesType
            && method.GetReturnTypeAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, savesType));
        var restores = method.Parameters.FirstOrDefault(p => ContractReader.Find(p, symbols.IrqlRestores) is not null);
        if (raisesAttribute is null && saves.IsEmpty && !savesReturn && restores is null)
        {
            return null;
        }

        var raisesTo = raisesAttribute is null ? null : ContractReader.Level(raisesAttribute);
        var newIrql = raisesAttribute is not null && raisesTo is null
            ? method.Parameters.FirstOrDefault(p => p.Name == NewIrqlParameterName && p.RefKind == RefKind.None)
            : null;
        return new IrqlCallEffect(NameOf(method), raisesAttribute is not null, raisesTo, newIrql, saves, savesReturn, restores);
    }
}
