using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Contracts;

/// <summary>
/// Reads contracts from symbols: a routine's own attributes; for a method with <c>[ContractOf(typeof(D))]</c>, the
/// delegate type D; for a delegate invocation, the delegate type; for an implementation or override with no contract
/// attributes of its own, the contract of the interface member it implements or the method it overrides (so a class
/// implementing <c>INetDmaProvider</c> inherits <c>IRQL &lt;= DISPATCH_LEVEL</c> for AllocateDmaChannel). No DDI
/// list is hard-coded: everything comes from the attributes. Thread-safe; one instance per compilation.
/// </summary>
internal sealed class ContractReader
{
    private readonly ContractSymbols _symbols;
    private readonly ConcurrentDictionary<ISymbol, MethodContract?> _cache = new(SymbolEqualityComparer.Default);

    public ContractReader(ContractSymbols symbols) => _symbols = symbols;

    public ContractSymbols Symbols => _symbols;

    /// <summary>The contract of a method (or a delegate type), or null when none applies.</summary>
    public MethodContract? Read(ISymbol symbol) => _cache.GetOrAdd(symbol.OriginalDefinition, Compute);

    /// <summary>The contract stated by <paramref name="symbol"/>'s own attributes only (no inheritance), or null.</summary>
    public MethodContract? ReadDeclared(ISymbol symbol) => FromAttributes(symbol, symbol.Name);

    private MethodContract? Compute(ISymbol symbol)
    {
        if (symbol is INamedTypeSymbol { TypeKind: TypeKind.Delegate } delegateType)
        {
            return FromAttributes(delegateType, delegateType.Name);
        }

        if (symbol is not IMethodSymbol method)
        {
            return null;
        }

        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            return Read(method.ContainingType);
        }

        if (ContractOfType(method) is { } callback)
        {
            return Read(callback);
        }

        if (FromAttributes(method, method.Name) is { } own)
        {
            return own;
        }

        if (method.OverriddenMethod is { } overridden && Read(overridden) is { } inherited)
        {
            return inherited;
        }

        foreach (var implemented in ImplementedInterfaceMembers(method))
        {
            if (Read(implemented) is { } fromInterface)
            {
                return fromInterface;
            }
        }

        return null;
    }

    /// <summary>The interface methods <paramref name="method"/> implements, explicitly or implicitly.</summary>
    public static ImmutableArray<IMethodSymbol> ImplementedInterfaceMembers(IMethodSymbol method)
    {
        if (!method.ExplicitInterfaceImplementations.IsDefaultOrEmpty)
        {
            return method.ExplicitInterfaceImplementations;
        }

        if (method.ContainingType is not { } type || method.MethodKind != MethodKind.Ordinary || method.IsStatic)
        {
            return ImmutableArray<IMethodSymbol>.Empty;
        }

        return type.AllInterfaces
            .SelectMany(i => i.GetMembers(method.Name).OfType<IMethodSymbol>())
            .Where(m => SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(m), method))
            .ToImmutableArray();
    }

    private INamedTypeSymbol? ContractOfType(IMethodSymbol method)
    {
        var attribute = Find(method, _symbols.ContractOf);
        return attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is INamedTypeSymbol callback ? callback : null;
    }

    private MethodContract? FromAttributes(ISymbol symbol, string fallbackName)
    {
        var ddi = Find(symbol, _symbols.Ddi);
        var irql = ReadIrql(symbol);
        var statuses = ReadStatuses(symbol);
        var mustInspect = Find(symbol, _symbols.MustInspectResult) is not null;
        if (ddi is null && irql is null && statuses.IsEmpty && !mustInspect)
        {
            return null;
        }

        var name = ddi is { ConstructorArguments.Length: >= 1 } ? ddi.ConstructorArguments[0].Value as string ?? fallbackName : fallbackName;
        var page = ddi is { ConstructorArguments.Length: >= 4 } ? ddi.ConstructorArguments[3].Value as string : null;
        var role = ddi?.NamedArguments.FirstOrDefault(a => a.Key == "Role").Value.Value as string ?? name;
        return new MethodContract(irql, statuses, mustInspect, name, role, page);
    }

    private IrqlRange? ReadIrql(ISymbol symbol)
    {
        if (Level(Find(symbol, _symbols.IrqlRequires)) is { } exact)
        {
            return exact == IrqlRange.DirqlLow ? new IrqlRange(IrqlRange.DirqlLow, IrqlRange.DirqlHigh) : new IrqlRange(exact, exact);
        }

        var max = Level(Find(symbol, _symbols.IrqlRequiresMax));
        var min = Level(Find(symbol, _symbols.IrqlRequiresMin));
        return max is null && min is null ? null : new IrqlRange(min ?? IrqlRange.Passive, max ?? IrqlRange.High);
    }

    private ImmutableArray<long> ReadStatuses(ISymbol symbol)
    {
        var attribute = Find(symbol, _symbols.DdiStatuses);
        if (attribute is not { ConstructorArguments.Length: 1 })
        {
            return ImmutableArray<long>.Empty;
        }

        var values = attribute.ConstructorArguments[0];
        return values.Kind == TypedConstantKind.Array
            ? values.Values.Where(v => v.Value is not null).Select(v => Convert.ToInt64(v.Value)).ToImmutableArray()
            : ImmutableArray<long>.Empty;
    }

    /// <summary>The level of a one-argument IRQL attribute, or null.</summary>
    public static byte? Level(AttributeData? attribute) =>
        attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is { } value ? Convert.ToByte(value) : null;

    /// <summary>The attribute of class <paramref name="attributeType"/> on <paramref name="symbol"/>, or null.</summary>
    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attributeType) =>
        attributeType is null ? null : symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
}
