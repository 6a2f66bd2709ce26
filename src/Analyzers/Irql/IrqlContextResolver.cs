using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Contracts;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// Where a function's IRQL comes from, before any caller is considered: the contract it implements or declares
/// (<see cref="ContractReader.Read"/>: INetDmaProvider implementations, its own IRQL attributes, IWdmKernel and
/// INetDma members), or, for a lambda or a method group, the contract delegate type it is converted to
/// (KDeferredRoutine passed to KeInitializeDpc, KMessageServiceRoutine, DriverControl, a NetDmaProviderCharacteristics
/// entry point). No DDI list: everything is read from the attributes.
/// </summary>
internal sealed class IrqlContextResolver
{
    private readonly ContractReader _reader;

    public IrqlContextResolver(ContractReader reader) => _reader = reader;

    /// <summary>The entry of <paramref name="function"/> from its own or implemented contract, or null when none states an IRQL.</summary>
    public IrqlEntry? ContractEntry(IMethodSymbol function) =>
        function.MethodKind == MethodKind.AnonymousFunction ? FromContract(_reader.ReadDeclared(function)) : FromContract(_reader.Read(function));

    /// <summary>The entry a function converted to <paramref name="delegateType"/> gets from that type's contract, or null.</summary>
    public IrqlEntry? DelegateEntry(ITypeSymbol? delegateType) =>
        delegateType is INamedTypeSymbol { TypeKind: TypeKind.Delegate } type ? FromContract(_reader.Read(type)) : null;

    /// <summary>The entry of a lambda or anonymous method: its own attributes, else the delegate type it becomes.</summary>
    public IrqlEntry? LambdaEntry(IMethodSymbol lambda, IOperation lambdaOperation) =>
        ContractEntry(lambda) ?? DelegateEntry(DelegateCreation(lambdaOperation)?.Type);

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
