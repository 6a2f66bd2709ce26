using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Contracts;
using NetDma.Analyzers.Infrastructure;

namespace NetDma.Analyzers.Flow;

/// <summary>
/// Runs a per-routine analysis on every routine whose contract matches: at once for methods with their own or an
/// inherited contract, lambdas and local functions (the IDE shows those while typing); at compilation end for
/// ordinary methods that get a contract only because a method group converts them to a contract delegate somewhere
/// in the compilation (<c>new DmaChannelAllocateHandler(Allocate)</c>, <c>KeInitializeDpc(dpc, OnDpc, ...)</c>),
/// tagged <c>CompilationEnd</c> (<see cref="RuleDescriptors.AtCompilationEnd"/>): a live pass cannot see every conversion.
/// </summary>
internal static class ContractRoutines
{
    /// <param name="start">The compilation.</param>
    /// <param name="analysis">The compilation's shared analysis (its routine-contract resolver).</param>
    /// <param name="isCandidate">A cheap filter on methods without a contract of their own, kept for compilation end.</param>
    /// <param name="applies">Which contracts the analysis is about.</param>
    /// <param name="analyze">The analysis of one routine with its contract; reports through the given callback.</param>
    public static void Register(
        CompilationStartAnalysisContext start,
        CompilationAnalysis analysis,
        Func<IMethodSymbol, bool> isCandidate,
        Func<MethodContract, bool> applies,
        Action<FlowRoutine, Action<Diagnostic>> analyze)
    {
        var routines = analysis.Routines;
        var pending = new ConcurrentBag<FlowRoutine>();
        var bindings = new ConcurrentDictionary<IMethodSymbol, MethodContract>(SymbolEqualityComparer.Default);

        start.RegisterOperationAction(
            context =>
            {
                var creation = (IDelegateCreationOperation)context.Operation;
                if (creation.Target is IMethodReferenceOperation { Method: { MethodKind: MethodKind.Ordinary } method }
                    && routines.OfDelegate(creation.Type) is { } contract && applies(contract))
                {
                    bindings.TryAdd(method.OriginalDefinition, contract);
                }
            },
            OperationKind.DelegateCreation);

        start.RegisterOperationBlockAction(context =>
        {
            // Building control-flow graphs costs: only for blocks that hold a routine the analysis may care about.
            var owner = context.OwningSymbol as IMethodSymbol;
            var interesting = (owner is not null && (routines.Of(owner) is { } own ? applies(own) : owner.MethodKind == MethodKind.Ordinary && isCandidate(owner)))
                || context.OperationBlocks.Any(block => block.DescendantsAndSelf().Any(o => o is IAnonymousFunctionOperation or ILocalFunctionOperation));
            if (!interesting)
            {
                return;
            }

            foreach (var routine in FlowRoutines.Collect(context, routines))
            {
                if (routine.Contract is { } contract)
                {
                    if (applies(contract))
                    {
                        analyze(routine, context.ReportDiagnostic);
                    }
                }
                else if (routine.Symbol.MethodKind == MethodKind.Ordinary && isCandidate(routine.Symbol))
                {
                    pending.Add(routine);
                }
            }
        });

        start.RegisterCompilationEndAction(context =>
        {
            foreach (var routine in pending)
            {
                if (bindings.TryGetValue(routine.Symbol.OriginalDefinition, out var contract))
                {
                    analyze(routine with { Contract = contract }, diagnostic => context.ReportDiagnostic(RuleDescriptors.AtCompilationEnd(diagnostic)));
                }
            }
        });
    }
}
