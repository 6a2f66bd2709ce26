using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Calls;
using NetDma.Analyzers.Infrastructure;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// Runs an <see cref="IrqlRequirementRule"/> over a compilation, VSTHRD010-style. Each member's body (with its local
/// functions and lambdas) is analyzed in an operation-block action, which reports what can be decided from that member
/// and the helpers it calls: a requirement broken under the function's own contract or after a raise inside it, and
/// chains through its local functions, lambdas and the compilation's own helpers (up to
/// <see cref="AnalysisBudgets.CallDepth"/> calls deep). A helper's summary (sites, calls, method-group conversions) is
/// computed on demand from its declaration when its own block has not been analyzed yet, and cached, so a live
/// (per-document) pass reports the same chains as <c>dotnet build</c>. Only a method whose IRQL comes from a method
/// group converted to a contract delegate in another member needs the whole compilation: the compilation-end action
/// joins every conversion of it and reports those tagged <c>CompilationEnd</c>
/// (<see cref="RuleDescriptors.AtCompilationEnd"/>). Chains are reported at the call site in the function
/// that brings the IRQL in, with the chain in the message.
/// </summary>
/// <remarks>
/// Compilation-end actions run in <c>dotnet build</c> and in the IDE's full-solution analysis, but not in a host's
/// live (open-document) analysis; the <c>CompilationEnd</c> tag on those diagnostics says so.
/// </remarks>
internal sealed class IrqlRequirementEngine
{
    private readonly IrqlRequirementRule _rule;
    private readonly CompilationAnalysis _analysis;
    private readonly IrqlCallEffects _effects;
    private readonly IrqlContextResolver _resolver;
    private readonly IAssemblySymbol _assembly;
    private readonly AnalysisBudgets _budgets;
    private readonly ConcurrentDictionary<IMethodSymbol, IrqlFunctionSummary> _summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, byte> _reported = new();

    private IrqlRequirementEngine(IrqlRequirementRule rule, CompilationAnalysis analysis)
    {
        _rule = rule;
        _analysis = analysis;
        _effects = analysis.IrqlEffects;
        _resolver = analysis.IrqlContexts;
        _assembly = analysis.Compilation.Assembly;
        _budgets = analysis.Budgets;
    }

    /// <summary>Registers <paramref name="rule"/>'s compilation actions (the analyzer's Initialize sets concurrency and generated-code handling); the analyzer stays silent when NetDma.Contracts is not referenced.</summary>
    public static void Register(AnalysisContext context, IrqlRequirementRule rule)
    {
        context.RegisterCompilationStartAction(start =>
        {
            if (CompilationAnalysis.Of(start.Compilation, start.Options) is not { } analysis)
            {
                return;
            }

            var engine = new IrqlRequirementEngine(rule, analysis);
            start.RegisterOperationBlockAction(engine.AnalyzeBlock);
            start.RegisterCompilationEndAction(engine.AnalyzeCompilationEnd);
        });
    }

    private void AnalyzeBlock(OperationBlockAnalysisContext context)
    {
        var functions = IrqlFunctions.Analyze(context, _analysis);
        if (functions.IsEmpty)
        {
            return;
        }

        var summaries = SummariesOf(functions);
        var conversions = ConversionEntries(summaries);
        var lookup = Lookup(context.CancellationToken);
        foreach (var summary in summaries)
        {
            Propagate(summary, EntryOf(summary, conversions), lookup, context.ReportDiagnostic);
        }
    }

    /// <summary>
    /// What only the whole compilation decides: the entry of a method that has no contract of its own but is converted
    /// to a contract delegate (a DPC, an ISR, a handler) in another member, joined over every such conversion.
    /// </summary>
    private void AnalyzeCompilationEnd(CompilationAnalysisContext context)
    {
        var summaries = _summaries.Values.OrderBy(s => s.Order, System.StringComparer.Ordinal).ToList();
        var conversions = ConversionEntries(summaries);
        var lookup = Lookup(context.CancellationToken);
        foreach (var summary in summaries)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (summary.ContractEntry is null && conversions.TryGetValue(summary.Symbol, out var converted))
            {
                Propagate(summary, converted, lookup, diagnostic => context.ReportDiagnostic(RuleDescriptors.AtCompilationEnd(diagnostic)));
            }
        }
    }

    /// <summary>The summaries of one member's functions, recorded for the compilation-end action and for callers.</summary>
    private List<IrqlFunctionSummary> SummariesOf(ImmutableArray<IrqlFunction> functions)
    {
        var summaries = new List<IrqlFunctionSummary>(functions.Length);
        foreach (var function in functions)
        {
            summaries.Add(_summaries.GetOrAdd(function.Symbol, _ => Summarize(function)));
        }

        return summaries;
    }

    /// <summary>A callee's summary: recorded already, or computed now from its declaration (with its member's other functions).</summary>
    private System.Func<IMethodSymbol, IrqlFunctionSummary?> Lookup(System.Threading.CancellationToken cancellationToken) => callee =>
    {
        if (_summaries.TryGetValue(callee, out var known))
        {
            return known;
        }

        if (callee.MethodKind is MethodKind.LambdaMethod or MethodKind.LocalFunction)
        {
            return null; // Analyzed with the member that declares it, or not at all.
        }

        SummariesOf(IrqlFunctions.OfMethod(callee, _analysis, cancellationToken));
        return _summaries.TryGetValue(callee, out var computed) ? computed : null;
    };

    private static IrqlEntry EntryOf(IrqlFunctionSummary summary, Dictionary<IMethodSymbol, IrqlEntry> conversions) =>
        summary.ContractEntry ?? (conversions.TryGetValue(summary.Symbol, out var converted) ? converted : IrqlEntry.Unresolved);

    private static Dictionary<IMethodSymbol, IrqlEntry> ConversionEntries(IEnumerable<IrqlFunctionSummary> summaries)
    {
        var entries = new Dictionary<IMethodSymbol, IrqlEntry>(SymbolEqualityComparer.Default);
        foreach (var (target, entry) in summaries.SelectMany(s => s.Conversions))
        {
            entries[target] = entries.TryGetValue(target, out var known) ? known.Join(entry) : entry;
        }

        return entries;
    }

    private IrqlFunctionSummary Summarize(IrqlFunction function)
    {
        var calls = ImmutableArray.CreateBuilder<IrqlCallEdge>();
        var conversions = ImmutableArray.CreateBuilder<(IMethodSymbol, IrqlEntry)>();
        foreach (var observation in function.Flow.Observations)
        {
            switch (observation.Operation)
            {
                case IInvocationOperation invocation when CallGraph.IsOwnCode(invocation.TargetMethod, _assembly):
                    var callee = CallGraph.Node(invocation.TargetMethod);
                    calls.Add(new IrqlCallEdge(callee, RoutineWalker.DisplayName(callee), invocation.Syntax.GetLocation(), observation.Before));
                    break;
                case IFlowAnonymousFunctionOperation lambda when CallGraph.RunsWhereCreated(IrqlContextResolver.DelegateCreation(lambda)):
                    calls.Add(new IrqlCallEdge(lambda.Symbol, RoutineWalker.DisplayName(lambda.Symbol), IrqlFunctions.LambdaLocation(lambda.Syntax), observation.Before));
                    break;
                case IDelegateCreationOperation { Target: IMethodReferenceOperation reference } creation when CallGraph.IsOwnCode(reference.Method, _assembly):
                    var method = CallGraph.Node(reference.Method);
                    if (_resolver.DelegateEntry(creation.Type) is { } entry)
                    {
                        conversions.Add((method, entry));
                    }
                    else if (CallGraph.RunsWhereCreated(creation))
                    {
                        calls.Add(new IrqlCallEdge(method, RoutineWalker.DisplayName(method), reference.Syntax.GetLocation(), observation.Before));
                    }

                    break;
            }
        }

        return new IrqlFunctionSummary(function, _rule.SitesOf(function, _effects).ToImmutableArray(), calls.ToImmutable(), conversions.ToImmutable());
    }

    private void Propagate(
        IrqlFunctionSummary root, IrqlEntry entry, System.Func<IMethodSymbol, IrqlFunctionSummary?> graph, System.Action<Diagnostic> report)
    {
        foreach (var site in root.Sites)
        {
            var verdict = IrqlVerdict.Evaluate(site.State, entry, site.Allowed, countRaises: true);
            if (verdict.Violates)
            {
                Report(report, site.Location, site, verdict, chain: null);
            }
        }

        foreach (var call in root.Calls)
        {
            if (SymbolEqualityComparer.Default.Equals(call.Callee, root.Symbol) || graph(call.Callee) is not { Inherits: true } callee)
            {
                continue;
            }

            var calleeEntry = IrqlVerdict.EntryOfCallee(call.State, entry, countRaises: true);
            if (!calleeEntry.IsKnown)
            {
                continue;
            }

            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { root.Symbol, callee.Symbol };
            var budget = _budgets.VisitsPerCall;
            Walk(callee, calleeEntry, [root.Name, call.CalleeName], call, visited, depth: 1, ref budget, graph, report);
        }
    }

    private void Walk(
        IrqlFunctionSummary function, IrqlEntry entry, List<string> chain, IrqlCallEdge first, HashSet<IMethodSymbol> visited,
        int depth, ref int budget, System.Func<IMethodSymbol, IrqlFunctionSummary?> graph, System.Action<Diagnostic> report)
    {
        foreach (var site in function.Sites)
        {
            var verdict = IrqlVerdict.Evaluate(site.State, entry, site.Allowed, countRaises: false);
            if (verdict.Violates)
            {
                Report(report, first.Location, site, verdict, [.. chain, site.ShortName]);
            }
        }

        if (depth >= _budgets.CallDepth)
        {
            return;
        }

        foreach (var call in function.Calls)
        {
            if (visited.Contains(call.Callee) || graph(call.Callee) is not { Inherits: true } callee || --budget <= 0)
            {
                continue;
            }

            var calleeEntry = IrqlVerdict.EntryOfCallee(call.State, entry, countRaises: false);
            if (!calleeEntry.IsKnown)
            {
                continue;
            }

            visited.Add(callee.Symbol);
            Walk(callee, calleeEntry, [.. chain, call.CalleeName], first, visited, depth + 1, ref budget, graph, report);
            visited.Remove(callee.Symbol);
        }
    }

    private void Report(System.Action<Diagnostic> report, Location location, IrqlSite site, IrqlVerdict verdict, List<string>? chain)
    {
        var key = $"{location.SourceTree?.FilePath}|{location.SourceSpan}|{site.Location.SourceTree?.FilePath}|{site.Location.SourceSpan}";
        if (!_reported.TryAdd(key, 0))
        {
            return;
        }

        var properties = (chain is null ? site.Properties : ImmutableDictionary<string, string?>.Empty)
            .SetItem(IrqlDiagnosticProperties.Direct, chain is null ? "true" : "false")
            .SetItem(IrqlDiagnosticProperties.HighestLevel, verdict.Levels.Highest.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var chainText = chain is null ? string.Empty : " through " + CallGraph.DescribeChain(chain);
        report(Diagnostic.Create(_rule.Descriptor, location, properties,
            site.Subject, site.Requirement, verdict.Levels.Describe(), verdict.PathsWord, chainText, verdict.Origins));
    }
}
