using System.Linq;
using Microsoft.CodeAnalysis;
using NetDma.Analyzers.Contracts;

namespace NetDma.Analyzers.Calls;

/// <summary>
/// A routine the system calls under a contract: an implementation or override of a contract member (INetDmaProvider
/// handlers, INetDmaProviderDriver PnP routines), a method with <c>[ContractOf]</c>, or a method group, local function
/// or lambda converted to a contract delegate (a DPC, an AdapterControl routine).
/// </summary>
/// <param name="Routine">The method, local function or lambda.</param>
/// <param name="Contract">The contract it runs under.</param>
internal sealed record EntryPoint(IMethodSymbol Routine, MethodContract Contract)
{
    /// <summary><c>StartDevice</c>; <c>OnAdapterControl (AdapterControl)</c> when the name differs from the role; <c>lambda (AdapterControl)</c>.</summary>
    public string DisplayName => Routine.MethodKind == MethodKind.AnonymousFunction
        ? $"lambda ({Contract.Role})"
        : Routine.Name == Contract.Role ? Routine.Name : $"{Routine.Name} ({Contract.Role})";

    /// <summary>
    /// The contract <paramref name="method"/> runs under as an entry point by declaration (interface implementation,
    /// override, <c>[ContractOf]</c>), or null. Contracts a method states only with its own IRQL attributes describe a
    /// helper, not an entry point.
    /// </summary>
    public static MethodContract? DeclaredContract(IMethodSymbol method, ContractReader reader)
    {
        if (ContractReader.Find(method, reader.Symbols.ContractOf) is not null)
        {
            return reader.Read(method);
        }

        foreach (var implemented in ContractReader.ImplementedInterfaceMembers(method))
        {
            if (!IsSystemSide(implemented.ContainingType, reader) && reader.Read(implemented) is { } contract)
            {
                return contract;
            }
        }

        return method.OverriddenMethod is { } overridden && !IsSystemSide(overridden.ContainingType, reader) ? reader.Read(overridden) : null;
    }

    /// <summary>
    /// A type whose members include a <c>[Ddi]</c> of kind Function (INetDma, IWdmKernel): the system's side of the
    /// interface. Implementing it (a simulated kernel, a forwarding wrapper) is not driver code the system calls into.
    /// </summary>
    private static bool IsSystemSide(INamedTypeSymbol? type, ContractReader reader) =>
        type is not null && type.GetMembers().OfType<IMethodSymbol>().Any(member =>
            ContractReader.Find(member, reader.Symbols.Ddi) is { ConstructorArguments.Length: >= 2 } ddi
            && ddi.ConstructorArguments[1].Value is int kind && kind == FunctionKind);

    /// <summary>The value of <c>DdiKind.Function</c> (an nf- page: a routine the system implements).</summary>
    private const int FunctionKind = 1;
}
