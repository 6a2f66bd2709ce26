using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// What the compilation-wide propagation keeps of one function once its body has been analyzed: its requirement
/// sites and outgoing calls with their IRQL facts, and where its own IRQL comes from. Holds no operations.
/// </summary>
internal sealed class IrqlFunctionSummary
{
    public IrqlFunctionSummary(IrqlFunction function, ImmutableArray<IrqlSite> sites, ImmutableArray<IrqlCallEdge> calls, ImmutableArray<(IMethodSymbol Target, IrqlEntry Entry)> conversions)
    {
        Symbol = function.Symbol;
        Name = function.Name;
        ContractEntry = function.ContractEntry;
        Inherits = function.Inherits;
        Sites = sites;
        Calls = calls;
        Conversions = conversions;
        Order = function.Location.SourceTree?.FilePath + ":" + function.Location.SourceSpan.Start.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
    }

    public IMethodSymbol Symbol { get; }

    public string Name { get; }

    public IrqlEntry? ContractEntry { get; }

    public bool Inherits { get; }

    public ImmutableArray<IrqlSite> Sites { get; }

    public ImmutableArray<IrqlCallEdge> Calls { get; }

    /// <summary>Method groups this function converts to contract delegate types: the method and the entry it gets.</summary>
    public ImmutableArray<(IMethodSymbol Target, IrqlEntry Entry)> Conversions { get; }

    /// <summary>A stable sort key (file and position), so compilation-end reports come in source order.</summary>
    public string Order { get; }
}
