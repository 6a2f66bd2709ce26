using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Contracts;

namespace NetDma.Analyzers.Flow;

/// <summary>
/// Enumerates the routines of an operation block (the method, its local functions and its lambdas, nested to any
/// depth), each with its control-flow graph and contract. Lambdas take the contract of the delegate type they are
/// converted to; local functions their own attributes or the delegate type a method group converts them to.
/// </summary>
internal static class FlowRoutines
{
    /// <summary>The routines of every analyzable block of <paramref name="context"/>.</summary>
    public static ImmutableArray<FlowRoutine> Collect(OperationBlockAnalysisContext context, RoutineContracts routines)
    {
        var collected = ImmutableArray.CreateBuilder<FlowRoutine>();
        var roots = new HashSet<IOperation>();
        foreach (var block in context.OperationBlocks)
        {
            // The blocks are bodies and initializers whose parents are the graph roots (IMethodBodyOperation ...).
            var root = block;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            if (!IsGraphRoot(root) || !roots.Add(root))
            {
                continue;
            }

            var graph = context.GetControlFlowGraph(block);
            var owner = root.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody ? context.OwningSymbol as IMethodSymbol : null;
            Collect(graph, owner, routines, collected);
        }

        return collected.ToImmutable();
    }

    /// <summary>True for the operation kinds a control-flow graph can be built from.</summary>
    public static bool IsGraphRoot(IOperation operation) => operation.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody
        or OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer;

    private static void Collect(ControlFlowGraph root, IMethodSymbol? owner, RoutineContracts contracts, ImmutableArray<FlowRoutine>.Builder routines)
    {
        var graphs = new List<(ControlFlowGraph Graph, IMethodSymbol? Symbol, MethodContract? Contract)>();
        var localBindings = new Dictionary<IMethodSymbol, MethodContract>(SymbolEqualityComparer.Default);
        var captured = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        var pending = new Queue<(ControlFlowGraph Graph, IMethodSymbol? Symbol, MethodContract? Contract)>();
        pending.Enqueue((root, owner, owner is null ? null : contracts.Of(owner)));
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            graphs.Add(current);
            foreach (var operation in Operations(current.Graph))
            {
                switch (operation)
                {
                    case IFlowAnonymousFunctionOperation lambda:
                        var delegateType = (lambda.Parent as IDelegateCreationOperation)?.Type;
                        pending.Enqueue((current.Graph.GetAnonymousFunctionControlFlowGraph(lambda), lambda.Symbol, contracts.OfLambda(lambda.Symbol, delegateType)));
                        break;
                    case IDelegateCreationOperation { Target: IMethodReferenceOperation { Method: { MethodKind: MethodKind.LocalFunction } local }, Type: var type }
                        when contracts.OfDelegate(type) is { } bound:
                        localBindings[local.OriginalDefinition] = bound;
                        break;
                    // A local aliased by a ref local or its address can change behind the analysis' back: not tracked.
                    case ISimpleAssignmentOperation { IsRef: true, Value: ILocalReferenceOperation aliased }:
                        captured.Add(aliased.Local);
                        break;
                    case IAddressOfOperation { Reference: ILocalReferenceOperation addressed }:
                        captured.Add(addressed.Local);
                        break;
                    case ILocalReferenceOperation reference when current.Symbol is { } nested && !ReferenceEquals(nested, owner)
                        && !SymbolEqualityComparer.Default.Equals(reference.Local.ContainingSymbol, nested):
                        captured.Add(reference.Local);
                        break;
                    case IParameterReferenceOperation reference when current.Symbol is { } nested && !ReferenceEquals(nested, owner)
                        && !SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol, nested):
                        captured.Add(reference.Parameter);
                        break;
                }
            }

            foreach (var local in current.Graph.LocalFunctions)
            {
                pending.Enqueue((current.Graph.GetLocalFunctionControlFlowGraph(local), local, null));
            }
        }

        var capturedSet = captured.ToImmutable();
        foreach (var (graph, symbol, contract) in graphs)
        {
            if (symbol is null)
            {
                continue;
            }

            var resolved = contract;
            if (symbol.MethodKind == MethodKind.LocalFunction)
            {
                resolved = contracts.Of(symbol) ?? (localBindings.TryGetValue(symbol.OriginalDefinition, out var bound) ? bound : null);
            }

            routines.Add(new FlowRoutine(symbol, graph, resolved, capturedSet));
        }
    }

    /// <summary>Every operation of <paramref name="graph"/> (statements, branch values and their descendants), not entering nested graphs.</summary>
    public static IEnumerable<IOperation> Operations(ControlFlowGraph graph)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var statement in block.Operations)
            {
                foreach (var operation in statement.DescendantsAndSelf())
                {
                    yield return operation;
                }
            }

            if (block.BranchValue is { } branch)
            {
                foreach (var operation in branch.DescendantsAndSelf())
                {
                    yield return operation;
                }
            }
        }
    }
}
