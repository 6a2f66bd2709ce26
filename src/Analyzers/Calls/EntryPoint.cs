using Microsoft.CodeAnalysis;
using NetDma.Analyzers.Contracts;

namespace NetDma.Analyzers.Calls;

/// <summary>
/// A routine the system calls under a contract: an implementation or override of a contract member (INetDmaProvider
/// handlers, INetDmaProviderDriver PnP routines), a method with <c>[ContractOf]</c>, or a method group, local function
/// or lambda converted to a contract delegate (a DPC, an AdapterControl routine); resolved by
/// <see cref="RoutineContracts.EntryContract"/>.
/// </summary>
/// <param name="Routine">The method, local function or lambda.</param>
/// <param name="Contract">The contract it runs under.</param>
internal sealed record EntryPoint(IMethodSymbol Routine, MethodContract Contract)
{
    /// <summary><c>StartDevice</c>; <c>OnAdapterControl (AdapterControl)</c> when the name differs from the role; <c>lambda (AdapterControl)</c>.</summary>
    public string DisplayName => Routine.MethodKind == MethodKind.AnonymousFunction
        ? $"lambda ({Contract.Role})"
        : Routine.Name == Contract.Role ? Routine.Name : $"{Routine.Name} ({Contract.Role})";
}
