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
            if (reader.Read(implemented) is { } contract)
            {
                return contract;
            }
        }

        return method.OverriddenMethod is { } overridden ? reader.Read(overridden) : null;
    }
}
