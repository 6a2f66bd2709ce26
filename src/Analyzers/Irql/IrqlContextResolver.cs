using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Contracts;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// Where a function's IRQL comes from, before any caller is considered: the contract <see cref="RoutineContracts"/>
/// resolves for it (INetDmaProvider implementations, its own IRQL attributes, IWdmKernel and INetDma members), or, for a
/// lambda or a method group, the contract delegate type it is converted to (KDeferredRoutine passed to KeInitializeDpc,
/// KMessageServiceRoutine, DriverControl, a NetDmaProviderCharacteristics entry point), as an <see cref="IrqlEntry"/>.
/// </summary>
internal sealed class IrqlContextResolver
{
    private readonly RoutineContracts _routines;

    public IrqlContextResolver(RoutineContracts routines) => _routines = routines;

    /// <summary>The entry of <paramref name="function"/> from its own or implemented contract, or null when none states an IRQL.</summary>
    public IrqlEntry? ContractEntry(IMethodSymbol function) =>
        function.MethodKind == MethodKind.AnonymousFunction ? FromContract(_routines.Declared(function)) : FromContract(_routines.Of(function));

    /// <summary>The entry a function converted to <paramref name="delegateType"/> gets from that type's contract, or null.</summary>
    public IrqlEntry? DelegateEntry(ITypeSymbol? delegateType) => FromContract(_routines.OfDelegate(delegateType));

    /// <summary>The entry of a lambda or anonymous method (<see cref="RoutineContracts.IrqlSourceOfLambda"/>).</summary>
    public IrqlEntry? LambdaEntry(IMethodSymbol lambda, IOperation lambdaOperation) =>
        FromContract(_routines.IrqlSourceOfLambda(lambda, DelegateCreation(lambdaOperation)?.Type));

    /// <summary>The delegate creation around a lambda (through conversions), or null.</summary>
    public static IDelegateCreationOperation? DelegateCreation(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent as IDelegateCreationOperation;
    }

    /// <summary>How messages explain a contract entry: <c>ProviderAllocateDmaChannel runs at IRQL &lt;= DISPATCH_LEVEL, page.md</c>.</summary>
    public static string Describe(MethodContract contract, IrqlRange irql) =>
        contract.Page is null ? $"{contract.Role} runs at {irql.DescribeRequirement()}" : $"{contract.Role} runs at {irql.DescribeRequirement()}, {contract.Page}";

    private static IrqlEntry? FromContract(MethodContract? contract) =>
        contract?.Irql is { } irql ? IrqlEntry.Of(IrqlLevels.FromRange(irql), Describe(contract, irql)) : null;
}
