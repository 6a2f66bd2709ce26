using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// What calling a member does to the IRQL, read from its SAL-style attributes: <c>[IrqlRaises(level)]</c> or
/// <c>[IrqlRaises]</c> with the level in its <c>NewIrql</c> argument (KeRaiseIrql), <c>[IrqlSaves]</c> out parameters
/// or return value that receive the level before the raise, and an <c>[IrqlRestores]</c> parameter whose value
/// becomes the new level (KeReleaseSpinLock, KeLowerIrql). Source: irql-annotations-for-drivers.md.
/// </summary>
internal sealed class IrqlCallEffect
{
    public IrqlCallEffect(
        string name,
        bool raises,
        byte? raisesTo,
        IParameterSymbol? newIrqlParameter,
        ImmutableArray<IParameterSymbol> savesParameters,
        bool savesReturn,
        IParameterSymbol? restoresParameter)
    {
        Name = name;
        Raises = raises;
        RaisesTo = raisesTo;
        NewIrqlParameter = newIrqlParameter;
        SavesParameters = savesParameters;
        SavesReturn = savesReturn;
        RestoresParameter = restoresParameter;
    }

    /// <summary>The member's DDI or role name, for messages.</summary>
    public string Name { get; }

    public bool Raises { get; }

    /// <summary>The fixed level raised to, or null when it is <see cref="NewIrqlParameter"/>'s argument.</summary>
    public byte? RaisesTo { get; }

    /// <summary>The parameter naming the new level of a <c>[IrqlRaises]</c> member without a fixed level.</summary>
    public IParameterSymbol? NewIrqlParameter { get; }

    public ImmutableArray<IParameterSymbol> SavesParameters { get; }

    public bool SavesReturn { get; }

    public IParameterSymbol? RestoresParameter { get; }

    /// <summary>True when the call changes or records the IRQL.</summary>
    public bool HasEffect => Raises || !SavesParameters.IsEmpty || SavesReturn || RestoresParameter is not null;
}
