using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetDma.Analyzers.Calls;

/// <summary>
/// The caller→callee map of one compilation (the VSTHRD010 shape): filled concurrently while operation blocks are
/// analyzed, searched at compilation end. Only calls whose callee is the compilation's own code (<see cref="IsOwnCode"/>)
/// are edges, each to its <see cref="Node"/>; so is a lambda or method group that runs where it is created
/// (<see cref="RunsWhereCreated"/>). Calls through interfaces, and delegates stored for later, are not followed. The node rule, the own-code rule and the way chains are written are the ones
/// every call-chain search uses (this map for NDMA3001/NDMA4002, <c>IrqlRequirementEngine</c> for NDMA1001-NDMA1003).
/// </summary>
internal sealed class CallGraph
{
    /// <summary>The arrow between the routines of a call chain in messages (ASCII, as the kit's call sequences write it).</summary>
    public const string Arrow = " -> ";

    private readonly int _maximumDepth;

    private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<CallEdge>> _callees = new(SymbolEqualityComparer.Default);

    /// <param name="maximumDepth">Searches stop after this many calls: a chain longer than this is not reported (bounded, never guessed).</param>
    public CallGraph(int maximumDepth) => _maximumDepth = maximumDepth;

    public void Add(CallEdge edge) => _callees.GetOrAdd(edge.Caller, _ => new ConcurrentQueue<CallEdge>()).Enqueue(edge);

    /// <summary>The calls <paramref name="caller"/> makes to routines of the compilation, in no particular order.</summary>
    public IEnumerable<CallEdge> Callees(IMethodSymbol caller) =>
        _callees.TryGetValue(caller, out var edges) ? edges : Enumerable.Empty<CallEdge>();

    /// <summary>The node a method symbol stands for: the original definition (not a generic instantiation or a reduced extension call); a partial method's implementation.</summary>
    public static IMethodSymbol Node(IMethodSymbol method)
    {
        var definition = method.ReducedFrom ?? method;
        definition = definition.OriginalDefinition;
        return definition.PartialImplementationPart ?? definition;
    }

    /// <summary>
    /// True for a routine whose body the compilation holds, so its calls can be followed: a local function, or a method of
    /// this assembly declared in source (not a metadata symbol, not a member the compiler synthesized).
    /// </summary>
    public static bool IsOwnCode(IMethodSymbol method, IAssemblySymbol assembly) =>
        method.MethodKind is MethodKind.LocalFunction
        || (SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, assembly) && !method.DeclaringSyntaxReferences.IsDefaultOrEmpty);

    /// <summary>
    /// True when a delegate created for a delegate type without a contract runs where it is created, so a call chain
    /// goes through it: passed as an argument (<c>Array.ForEach</c>, <c>List.Sort</c>: assumed to run during that call)
    /// or stored in a local of the creating routine. Stored in a field or returned, it runs at an unknown time and is not
    /// followed. The one rule every call-chain search applies to lambdas and method groups.
    /// </summary>
    public static bool RunsWhereCreated(IDelegateCreationOperation? creation)
    {
        var parent = creation?.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation or ISimpleAssignmentOperation { Target: ILocalReferenceOperation } or IVariableInitializerOperation;
    }

    /// <summary>A chain as messages write it: <c>StartDevice -> RegisterWithNetDma -> NetDmaRegisterProvider</c>.</summary>
    public static string DescribeChain(IEnumerable<string> routines) => string.Join(Arrow, routines);

    /// <summary>
    /// The shortest call chain from <paramref name="entry"/> to a routine satisfying <paramref name="isTarget"/>, through
    /// routines that are not <paramref name="isBarrier"/>, at most the graph's maximum depth of calls long; empty when none.
    /// </summary>
    public ImmutableArray<CallEdge> FindChain(IMethodSymbol entry, Func<IMethodSymbol, bool> isTarget, Func<IMethodSymbol, bool> isBarrier)
    {
        var parents = new Dictionary<IMethodSymbol, CallEdge>(SymbolEqualityComparer.Default);
        var frontier = new List<IMethodSymbol> { entry };
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { entry };
        for (var depth = 0; depth < _maximumDepth && frontier.Count > 0; depth++)
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
