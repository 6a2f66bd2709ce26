using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Contracts;

/// <summary>
/// The one answer to "which contract does this routine run under", asked by every rule: the call-site rules
/// (NDMA3001, NDMA4002), the flow rules (NDMA2001, NDMA3002, NDMA3003), the IRQL rules (their entry IRQL) and NDMA1007.
/// A routine runs under a contract by declaration (an implementation or override of a contract member, a method with
/// <c>[ContractOf]</c>), by its own attributes (a helper stating its IRQL), or by conversion: a lambda, local function
/// or method group given to a contract delegate type (a DPC, an AdapterControl routine). Everything comes from the
/// attributes through the compilation's one <see cref="ContractReader"/>; no DDI list. Thread-safe, one per compilation
/// (<see cref="Infrastructure.CompilationAnalysis"/>).
/// </summary>
internal sealed class RoutineContracts
{
    /// <summary>The value of <c>DdiKind.Function</c> (an nf- page: a routine the system implements).</summary>
    private const int FunctionKind = 1;

    public RoutineContracts(ContractReader reader) => Reader = reader;

    public ContractReader Reader { get; }

    /// <summary>The contract of <paramref name="method"/>: its own attributes, <c>[ContractOf]</c>, else the one it implements or overrides.</summary>
    public MethodContract? Of(IMethodSymbol method) => Reader.Read(method);

    /// <summary>The contract stated by the routine's own attributes only, or null.</summary>
    public MethodContract? Declared(IMethodSymbol routine) => Reader.ReadDeclared(routine);

    /// <summary>The contract of a delegate type, or null when <paramref name="type"/> is not a delegate with one.</summary>
    public MethodContract? OfDelegate(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Delegate } delegateType ? Reader.Read(delegateType) : null;

    /// <summary>
    /// The contract a lambda runs under: that of the delegate type it is converted to (its statuses, role and page), else
    /// its own attributes. Its entry IRQL is <see cref="IrqlSourceOfLambda"/>'s.
    /// </summary>
    public MethodContract? OfLambda(IMethodSymbol lambda, ITypeSymbol? delegateType) => OfDelegate(delegateType) ?? Declared(lambda);

    /// <summary>
    /// The contract whose IRQL a lambda assumes at entry: its own IRQL attributes when it states them (NDMA1007 holds
    /// that statement to the delegate's contract), else the delegate type's.
    /// </summary>
    public MethodContract? IrqlSourceOfLambda(IMethodSymbol lambda, ITypeSymbol? delegateType) =>
        Declared(lambda) is { Irql: not null } own ? own : OfDelegate(delegateType);

    /// <summary>
    /// The contract <paramref name="method"/> runs under as an entry point by declaration (interface implementation,
    /// override, <c>[ContractOf]</c>), or null. Contracts a method states only with its own IRQL attributes describe a
    /// helper, not an entry point; implementing the system's side of an interface (a simulated kernel, a forwarding
    /// wrapper of INetDma) is not driver code the system calls into.
    /// </summary>
    public MethodContract? EntryContract(IMethodSymbol method)
    {
        if (ContractReader.Find(method, Reader.Symbols.ContractOf) is not null)
        {
            return Reader.Read(method);
        }

        foreach (var implemented in ContractReader.ImplementedInterfaceMembers(method))
        {
            if (!IsSystemSide(implemented.ContainingType) && Reader.Read(implemented) is { } contract)
            {
                return contract;
            }
        }

        return method.OverriddenMethod is { } overridden && !IsSystemSide(overridden.ContainingType) ? Reader.Read(overridden) : null;
    }

    /// <summary>The contracts <paramref name="method"/> implements (<c>[ContractOf]</c>, the overridden method, interface members), not counting its own attributes.</summary>
    public IEnumerable<MethodContract> Implemented(IMethodSymbol method)
    {
        if (ContractReader.Find(method, Reader.Symbols.ContractOf) is { ConstructorArguments.Length: 1 } contractOf
            && contractOf.ConstructorArguments[0].Value is INamedTypeSymbol callback
            && Reader.Read(callback) is { } fromCallback)
        {
            yield return fromCallback;
        }

        if (method.OverriddenMethod is { } overridden && Reader.Read(overridden) is { } fromOverridden)
        {
            yield return fromOverridden;
        }

        foreach (var member in ContractReader.ImplementedInterfaceMembers(method))
        {
            if (Reader.Read(member) is { } fromInterface)
            {
                yield return fromInterface;
            }
        }
    }

    /// <summary>
    /// A type whose members include a <c>[Ddi]</c> of kind Function (INetDma, IWdmKernel): the system's side of the
    /// interface.
    /// </summary>
    private bool IsSystemSide(INamedTypeSymbol? type) =>
        type is not null && type.GetMembers().OfType<IMethodSymbol>().Any(member =>
            ContractReader.Find(member, Reader.Symbols.Ddi) is { ConstructorArguments.Length: >= 2 } ddi
            && ddi.ConstructorArguments[1].Value is int kind && kind == FunctionKind);
}
