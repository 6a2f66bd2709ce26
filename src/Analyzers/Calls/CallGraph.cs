using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Calls;

/// <summary>
/// The caller→callee map of one compilation (the VSTHRD010 shape): filled concurrently while operation blocks are
/// analyzed, searched at compilation end. Only calls whose callee is declared in the compilation are edges; calls
/// through interfaces, delegates and lambdas that are not converted to a contract delegate are not followed.
/// </summary>
internal sealed class CallGraph
{
    /// <summary>Searches stop after this many calls: a chain longer than this is not reported (bounded, never guessed).</summary>
    public const int MaximumDepth = 8;

    private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<CallEdge>> _callees = new(SymbolEqualityComparer.Default);

    public void Add(CallEdge edge) => _callees.GetOrAdd(edge.Caller, _ => new ConcurrentQueue<CallEdge>()).Enqueue(edge);

    /// <summary>The calls <paramref name="caller"/> makes to routines of the compilation, in no particular order.</summary>
    public IEnumerable<CallEdge> Callees(IMethodSymbol caller) =>
        _callees.TryGetValue(caller, out var edges) ? edges : Enumerable.Empty<CallEdge>();

    /// <summary>The node a method symbol stands for: the original definition; a partial method's implementation.</summary>
    public static IMethodSymbol Node(IMethodSymbol method)
    {
        var definition = method.ReducedFrom ?? method;
        definition = definition.OriginalDefinition;
        return definition.PartialImplementationPart ?? definition;
    }

    /// <summary>
    /// The shortest call chain from <paramref name="entry"/> to a routine satisfying <paramref name="isTarget"/>, through
    /// routines that are not <paramref name="isBarrier"/>, at most <see cref="MaximumDepth"/> calls long; empty when none.
    /// </summary>
    public ImmutableArray<CallEdge> FindChain(IMethodSymbol entry, Func<IMethodSymbol, bool> isTarget, Func<IMethodSymbol, bool> isBarrier)
    {
        var parents = new Dictionary<IMethodSymbol, CallEdge>(SymbolEqualityComparer.Default);
        var frontier = new List<IMethodSymbol> { entry };
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { entry };
        for (var depth = 0; depth < MaximumDepth && frontier.Count > 0; depth++)
        {
            var next = new List<IMethodSymbol>();
            foreach (var caller in frontier)
            {
                if (!_callees.TryGetValue(caller, out var edges))
                {
                    continue;
                }

                foreach (var edge in edges)
                {
                    if (!seen.Add(edge.Callee) || isBarrier(edge.Callee))
                    {
                        continue;
                    }

                    parents[edge.Callee] = edge;
                    if (isTarget(edge.Callee))
                    {
                        return Unwind(parents, edge.Callee, entry);
                    }

                    next.Add(edge.Callee);
                }
            }

            frontier = next;
        }

        return ImmutableArray<CallEdge>.Empty;
    }

    private static ImmutableArray<CallEdge> Unwind(Dictionary<IMethodSymbol, CallEdge> parents, IMethodSymbol target, IMethodSymbol entry)
    {
        var chain = new List<CallEdge>();
        for (var node = target; !SymbolEqualityComparer.Default.Equals(node, entry); node = parents[node].Caller)
        {
            chain.Add(parents[node]);
        }

        chain.Reverse();
        return chain.ToImmutableArray();
    }
}
