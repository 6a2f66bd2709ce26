using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using NetDma.Analyzers.Contracts;
using NetDma.Analyzers.Flow;
using NetDma.Analyzers.Irql;
using NetDma.Analyzers.Protocol;

namespace NetDma.Analyzers.Infrastructure;

/// <summary>
/// What every NDMA analyzer needs of one compilation, set up once and shared by all of them (the roslyn-analyzers
/// <c>WellKnownTypeProvider.GetOrCreate</c> shape): the contract types, one contract reader and one routine-contract
/// resolver whose caches all rules fill and read, the IRQL call effects, and the budgets. Before, each of the twelve
/// analyzers resolved the symbols and filled its own caches. Flow results are cached here too, so rules that ask the
/// same question of one routine share one run: the IRQL analysis per member (<see cref="IrqlBodies"/>), the return
/// paths per graph (<see cref="ReturnPaths"/>). Null when the compilation does not reference
/// NetDma.Contracts (the analyzers then stay silent).
/// </summary>
internal sealed class CompilationAnalysis
{
    private static readonly ConditionalWeakTable<Compilation, Holder> Shared = new();

    private readonly ConditionalWeakTable<ControlFlowGraph, ConcurrentDictionary<(IParameterSymbol?, IParameterSymbol?), ImmutableArray<ReturnPath>>> _returnPaths = new();

    private CompilationAnalysis(Compilation compilation, ContractSymbols symbols, AnalysisBudgets budgets)
    {
        Compilation = compilation;
        Symbols = symbols;
        Reader = new ContractReader(symbols);
        Routines = new RoutineContracts(Reader);
        IrqlEffects = new IrqlCallEffects(Reader, budgets);
        IrqlContexts = new IrqlContextResolver(Routines);
        Budgets = budgets;
    }

    public Compilation Compilation { get; }

    public ContractSymbols Symbols { get; }

    public ContractReader Reader { get; }

    /// <summary>Which contract a routine runs under (the one resolver every rule asks).</summary>
    public RoutineContracts Routines { get; }

    public IrqlCallEffects IrqlEffects { get; }

    /// <summary>The IRQL entry of a function from its contract (built on <see cref="Routines"/>).</summary>
    public IrqlContextResolver IrqlContexts { get; }

    public AnalysisBudgets Budgets { get; }

    /// <summary>
    /// Each member's IRQL-analyzed bodies (<see cref="IrqlFunctions"/>), keyed by its symbol: every IRQL rule analyzes
    /// the same bodies, from its own operation block or from a caller's, and the first to get there runs the flow.
    /// </summary>
    public ConditionalWeakTable<IMethodSymbol, IrqlFunctions.AnalyzedBody> IrqlBodies { get; } = new();

    /// <summary>
    /// The return paths of <paramref name="routine"/> (<see cref="PathExplorer"/>), or default when it is not analyzed;
    /// explored once per graph and shared by NDMA2001, NDMA3002 and NDMA3003. An AllocateDmaChannel handler's paths
    /// track both its CpuNumber writes and its out context.
    /// </summary>
    public ImmutableArray<ReturnPath> ReturnPaths(FlowRoutine routine)
    {
        var handler = AllocateHandler.TryCreate(routine, Symbols);
        var key = (handler?.ChannelParameters, handler?.ChannelContext);
        return _returnPaths.GetValue(routine.Graph, _ => new ConcurrentDictionary<(IParameterSymbol?, IParameterSymbol?), ImmutableArray<ReturnPath>>())
            .GetOrAdd(key, k => PathExplorer.Explore(routine, new PathExplorerOptions(Symbols, k.Item1, k.Item2, Budgets)));
    }

    /// <summary>
    /// The shared analysis of <paramref name="compilation"/>. The first analyzer to ask creates it with its options (all
    /// analyzers of one compilation run with the same options).
    /// </summary>
    public static CompilationAnalysis? Of(Compilation compilation, AnalyzerOptions? options) =>
        Shared.GetValue(compilation, c => new Holder(ContractSymbols.TryCreate(c) is { } symbols
            ? new CompilationAnalysis(c, symbols, AnalysisBudgets.From(c, options))
            : null)).Analysis;

    /// <summary>The weak table's value: the analysis, or null for a compilation without NetDma.Contracts.</summary>
    private sealed class Holder(CompilationAnalysis? analysis)
    {
        public CompilationAnalysis? Analysis { get; } = analysis;
    }
}
