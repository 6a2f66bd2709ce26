using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Contracts;
using NetDma.Analyzers.Infrastructure;

namespace NetDma.Analyzers.Calls;

/// <summary>
/// "Routine X must (not) be called from entry points of kind Y", checked directly and through the compilation's own
/// helpers and the lambdas and method groups that run where they are created (<see cref="CallGraph.RunsWhereCreated"/>). A call site (an invocation whose contract matches) directly inside a reported entry point is reported
/// while typing; calls reached through helpers (bounded, <see cref="Infrastructure.AnalysisBudgets.CallDepth"/>) and entry points known
/// only from a method group elsewhere are reported at compilation end, at the call in the entry point that leads to the
/// site, with the chain in the message. The search does not pass through another reported entry point: that one gets
/// its own report.
/// </summary>
internal sealed class CallSiteReachability
{
    private readonly ContractReader _reader;
    private readonly RoutineContracts _routines;
    private readonly Compilation _compilation;
    private readonly Func<MethodContract, bool> _isSite;
    private readonly Func<EntryPoint, bool> _isReported;
    private readonly Func<EntryPoint, CallSite, ImmutableArray<CallEdge>, Location, Diagnostic> _create;
    private readonly CallGraph _graph;
    private readonly ConcurrentDictionary<IMethodSymbol, EntryPoint> _entries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, MethodContract> _boundByMethodGroup = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<CallSite>> _sites = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _reportedDirectly = new(SymbolEqualityComparer.Default);

    private CallSiteReachability(
        CompilationAnalysis analysis,
        Func<MethodContract, bool> isSite,
        Func<EntryPoint, bool> isReported,
        Func<EntryPoint, CallSite, ImmutableArray<CallEdge>, Location, Diagnostic> create)
    {
        _reader = analysis.Reader;
        _routines = analysis.Routines;
        _compilation = analysis.Compilation;
        _graph = new CallGraph(analysis.Budgets.CallDepth);
        _isSite = isSite;
        _isReported = isReported;
        _create = create;
    }

    /// <param name="start">The compilation.</param>
    /// <param name="analysis">Its shared analysis (contracts, budgets).</param>
    /// <param name="isSite">The contracts of the calls the rule is about (NetDmaRegisterProvider, AllocateAdapterChannel).</param>
    /// <param name="isReported">The entry points the calls must not happen in.</param>
    /// <param name="create">The diagnostic for a site reached from an entry point: the chain (empty when direct) and the location.</param>
    public static void Register(
        CompilationStartAnalysisContext start,
        CompilationAnalysis analysis,
        Func<MethodContract, bool> isSite,
        Func<EntryPoint, bool> isReported,
        Func<EntryPoint, CallSite, ImmutableArray<CallEdge>, Location, Diagnostic> create)
    {
        var reachability = new CallSiteReachability(analysis, isSite, isReported, create);
        start.RegisterOperationBlockAction(reachability.AnalyzeBlock);
        start.RegisterCompilationEndAction(reachability.AnalyzeCompilation);
    }

    private void AnalyzeBlock(OperationBlockAnalysisContext context)
    {
        var owner = context.OwningSymbol as IMethodSymbol;
        var local = new Dictionary<IMethodSymbol, EntryPoint>(SymbolEqualityComparer.Default);
        if (owner is not null && _routines.EntryContract(owner) is { } declared)
        {
            local[owner] = new EntryPoint(owner, declared);
        }

        foreach (var block in context.OperationBlocks)
        {
            foreach (var creation in block.DescendantsAndSelf().OfType<IDelegateCreationOperation>())
            {
                if (_routines.OfDelegate(creation.Type) is not { } contract)
                {
                    continue;
                }

                switch (creation.Target)
                {
                    case IAnonymousFunctionOperation lambda:
                        local[lambda.Symbol] = new EntryPoint(lambda.Symbol, contract);
                        break;
                    case IMethodReferenceOperation { Method: { MethodKind: MethodKind.LocalFunction } function }:
                        local[function] = new EntryPoint(function, contract);
                        break;
                    case IMethodReferenceOperation { Method: var method } when IsInCompilation(method):
                        _boundByMethodGroup.TryAdd(CallGraph.Node(method), contract);
                        break;
                }
            }
        }

        foreach (var entry in local.Values)
        {
            _entries[entry.Routine] = entry;
        }

        foreach (var block in context.OperationBlocks)
        {
            RoutineWalker.Walk(block, owner, (operation, routine) =>
            {
                if (routine is not null && operation is IDelegateCreationOperation creation
                    && _routines.OfDelegate(creation.Type) is null && CallGraph.RunsWhereCreated(creation))
                {
                    AddDelegateEdge(routine, creation);
                }

                if (routine is null || operation is not IInvocationOperation invocation)
                {
                    return;
                }

                if (_reader.Read(invocation.TargetMethod) is { } contract && _isSite(contract))
                {
                    var site = new CallSite(contract, invocation.Syntax.GetLocation());
                    _sites.GetOrAdd(routine, _ => new ConcurrentQueue<CallSite>()).Enqueue(site);
                    if (local.TryGetValue(routine, out var entry) && _isReported(entry))
                    {
                        _reportedDirectly[routine] = true;
                        context.ReportDiagnostic(_create(entry, site, ImmutableArray<CallEdge>.Empty, site.Location));
                    }
                }
                else if (IsInCompilation(invocation.TargetMethod))
                {
                    _graph.Add(new CallEdge(routine, CallGraph.Node(invocation.TargetMethod), invocation.Syntax.GetLocation()));
                }
            });
        }
    }

    /// <summary>A lambda or method group that runs where <paramref name="routine"/> creates it is a call of it.</summary>
    private void AddDelegateEdge(IMethodSymbol routine, IDelegateCreationOperation creation)
    {
        switch (creation.Target)
        {
            case IAnonymousFunctionOperation lambda:
                _graph.Add(new CallEdge(routine, lambda.Symbol, Irql.IrqlFunctions.LambdaLocation(lambda.Syntax)));
                break;
            case IMethodReferenceOperation { Method: var method } reference when IsInCompilation(method):
                _graph.Add(new CallEdge(routine, CallGraph.Node(method), reference.Syntax.GetLocation()));
                break;
        }
    }

    /// <summary>
    /// The chains through helpers and the entry points known only from a method group elsewhere, tagged
    /// <c>CompilationEnd</c> (<see cref="RuleDescriptors.AtCompilationEnd"/>): they need every member's calls.
    /// </summary>
    private void AnalyzeCompilation(CompilationAnalysisContext context)
    {
        void Report(Diagnostic diagnostic) => context.ReportDiagnostic(RuleDescriptors.AtCompilationEnd(diagnostic));

        var entries = new Dictionary<IMethodSymbol, EntryPoint>(_entries, SymbolEqualityComparer.Default);
        foreach (var bound in _boundByMethodGroup)
        {
            if (!entries.ContainsKey(bound.Key))
            {
                entries[bound.Key] = new EntryPoint(bound.Key, bound.Value);
            }
        }

        bool IsReportedEntry(IMethodSymbol routine) => entries.TryGetValue(routine, out var entry) && _isReported(entry);

        foreach (var entry in entries.Values.Where(_isReported))
        {
            if (!_reportedDirectly.ContainsKey(entry.Routine) && _sites.TryGetValue(entry.Routine, out var direct))
            {
                foreach (var site in direct)
                {
                    Report(_create(entry, site, ImmutableArray<CallEdge>.Empty, site.Location));
                }
            }

            var firstCalls = new HashSet<Location>();
            foreach (var first in _graph.Callees(entry.Routine))
            {
                if (IsReportedEntry(first.Callee) || !firstCalls.Add(first.Location))
                {
                    continue;
                }

                var chain = _sites.ContainsKey(first.Callee)
                    ? ImmutableArray.Create(first)
                    : _graph.FindChain(first.Callee, _sites.ContainsKey, IsReportedEntry) is { IsEmpty: false } rest ? rest.Insert(0, first) : ImmutableArray<CallEdge>.Empty;
                if (chain.IsEmpty || !_sites.TryGetValue(chain[chain.Length - 1].Callee, out var sites) || !sites.TryPeek(out var reached))
                {
                    continue;
                }

                Report(_create(entry, reached, chain, first.Location));
            }
        }
    }

    private bool IsInCompilation(IMethodSymbol method) => CallGraph.IsOwnCode(method, _compilation.Assembly);

    /// <summary>The chain as messages show it: <c>StartDevice -> RegisterWithNetDma -> NetDmaRegisterProvider</c>.</summary>
    public static string DescribeChain(EntryPoint entry, CallSite site, ImmutableArray<CallEdge> chain) =>
        CallGraph.DescribeChain(new[] { RoutineWalker.DisplayName(entry.Routine) }
            .Concat(chain.Select(edge => RoutineWalker.DisplayName(edge.Callee)))
            .Concat(new[] { site.Contract.Role }));
}
