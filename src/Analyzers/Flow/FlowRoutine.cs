using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using NetDma.Analyzers.Contracts;

namespace NetDma.Analyzers.Flow;

/// <summary>
/// One routine of an operation block with its control-flow graph: the method itself, a local function or a lambda.
/// <see cref="Contract"/> is the contract the routine runs under: its own (or inherited) one, or, for a lambda or a
/// local function, that of the contract delegate it is converted to in the same method. Ordinary methods bound to a
/// contract delegate only by a method group elsewhere get their contract at compilation end
/// (<see cref="ContractRoutines"/>).
/// </summary>
/// <param name="Symbol">The method, local function or lambda.</param>
/// <param name="Graph">Its control-flow graph.</param>
/// <param name="Contract">The contract it runs under, or null.</param>
/// <param name="Captured">Locals and parameters whose values are not tracked: those of enclosing routines that nested lambdas or local functions reference, and locals aliased by a ref local or an address.</param>
internal sealed record FlowRoutine(IMethodSymbol Symbol, ControlFlowGraph Graph, MethodContract? Contract, ImmutableHashSet<ISymbol> Captured);
