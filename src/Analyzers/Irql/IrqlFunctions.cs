using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Calls;
using NetDma.Analyzers.Infrastructure;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// Finds the function bodies of one operation block (a method, accessor or constructor body, with its local
/// functions and lambdas, each its own control-flow graph) and runs <see cref="IrqlFlowAnalysis"/> over each.
/// Bodies with errors are analyzed too (as the IDE shows half-typed code); the graph builder turns what does not bind
/// into invalid operations, which carry no contract and change no IRQL.
/// </summary>
internal static class IrqlFunctions
{
    /// <summary>The analyzed bodies of <paramref name="context"/>'s member, outermost first; empty when it has no body.</summary>
    public static ImmutableArray<IrqlFunction> Analyze(OperationBlockAnalysisContext context, CompilationAnalysis analysis)
    {
        if (context.OwningSymbol is not IMethodSymbol method)
        {
            return ImmutableArray<IrqlFunction>.Empty;
        }

        if (analysis.IrqlBodies.TryGetValue(method, out var known))
        {
            return known.Functions;
        }

        // The graph is asked for with one of the operation blocks; it is built for that block's root (the method or
        // constructor body), so attribute and parameter-default blocks are skipped.
        var block = context.OperationBlocks.FirstOrDefault(b => Root(b) is IMethodBodyOperation or IConstructorBodyOperation)
            ?? context.OperationBlocks.FirstOrDefault(b => Root(b) is IBlockOperation);
        return block is null
            ? ImmutableArray<IrqlFunction>.Empty
            : AnalyzeBody(method, Root(block), () => context.GetControlFlowGraph(block), analysis, context.CancellationToken);
    }

    /// <summary>
    /// The analyzed bodies of <paramref name="method"/>, asked for from another member's analysis (a helper it calls):
    /// built from the method's own declaration when its operation block has not been analyzed yet, so a per-document
    /// (live) pass follows a call into a helper declared anywhere in the compilation. Empty for a method without a
    /// body in source.
    /// </summary>
    public static ImmutableArray<IrqlFunction> OfMethod(IMethodSymbol method, CompilationAnalysis analysis, CancellationToken cancellationToken)
    {
        if (analysis.IrqlBodies.TryGetValue(method, out var known))
        {
            return known.Functions;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            var body = SourceSemanticModels.Of(analysis.Compilation, syntax.SyntaxTree)?.GetOperation(syntax, cancellationToken);
            switch (body)
            {
                case IMethodBodyOperation methodBody:
                    return AnalyzeBody(method, body, () => ControlFlowGraph.Create(methodBody, cancellationToken), analysis, cancellationToken);
                case IConstructorBodyOperation constructorBody:
                    return AnalyzeBody(method, body, () => ControlFlowGraph.Create(constructorBody, cancellationToken), analysis, cancellationToken);
            }
        }

        return ImmutableArray<IrqlFunction>.Empty;
    }

    private static ImmutableArray<IrqlFunction> AnalyzeBody(
        IMethodSymbol method, IOperation body, Func<ControlFlowGraph> graphOf, CompilationAnalysis analysis, CancellationToken cancellationToken)
    {
        if (!MayMatter(body))
        {
            return ImmutableArray<IrqlFunction>.Empty;
        }

        ControlFlowGraph graph;
        try
        {
            graph = graphOf();
        }
        catch (ArgumentException)
        {
            // Not a root the graph builder accepts (for example an initializer block): nothing to analyze.
            return ImmutableArray<IrqlFunction>.Empty;
        }

        // Every IRQL analyzer analyzes the same bodies, from their own operation block or from a caller's: the first
        // one to get there runs the flow analysis, the others reuse it (it depends only on the contract attributes).
        var effects = analysis.IrqlEffects;
        var resolver = analysis.IrqlContexts;
        return analysis.IrqlBodies.GetValue(method, _ =>
        {
            var functions = new List<IrqlFunction>();
            var root = Add(functions, graph, method, RoutineWalker.DisplayName(method), NameLocation(method, body.Syntax), resolver.ContractEntry(method), null, effects, cancellationToken);
            Nested(functions, root, effects, resolver, cancellationToken);
            return new AnalyzedBody(functions.ToImmutableArray());
        }).Functions;
    }

    /// <summary>The functions of one member, boxed for <see cref="CompilationAnalysis.IrqlBodies"/>.</summary>
    internal sealed class AnalyzedBody(ImmutableArray<IrqlFunction> functions)
    {
        public ImmutableArray<IrqlFunction> Functions { get; } = functions;
    }

    private static void Nested(List<IrqlFunction> functions, IrqlFunction parent, IrqlCallEffects effects, IrqlContextResolver resolver, CancellationToken cancellationToken)
    {
        var graph = parent.Flow.Graph;
        foreach (var local in graph.LocalFunctions)
        {
            if (functions.Count >= effects.Budgets.FunctionsPerMember)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var localGraph = graph.GetLocalFunctionControlFlowGraph(local, cancellationToken);
            var function = Add(functions, localGraph, local, RoutineWalker.DisplayName(local), NameLocation(local, localGraph.OriginalOperation.Syntax),
                resolver.ContractEntry(local), parent, effects, cancellationToken);
            Nested(functions, function, effects, resolver, cancellationToken);
        }

        foreach (var observation in parent.Flow.Observations)
        {
            if (observation.Operation is not IFlowAnonymousFunctionOperation lambda || functions.Count >= effects.Budgets.FunctionsPerMember)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var lambdaGraph = graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken);
            var function = Add(functions, lambdaGraph, lambda.Symbol, RoutineWalker.DisplayName(lambda.Symbol), LambdaLocation(lambda.Syntax),
                resolver.LambdaEntry(lambda.Symbol, lambda), parent, effects, cancellationToken);
            Nested(functions, function, effects, resolver, cancellationToken);
        }
    }

    private static IrqlFunction Add(
        List<IrqlFunction> functions, ControlFlowGraph graph, IMethodSymbol symbol, string name, Location location,
        IrqlEntry? contractEntry, IrqlFunction? parent, IrqlCallEffects effects, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var function = new IrqlFunction(symbol, name, location, IrqlFlowAnalysis.Run(graph, effects), contractEntry, parent);
        functions.Add(function);
        return function;
    }

    /// <summary>
    /// The cheap pre-filter, on the operation tree before any control-flow graph is built: true when the body holds an
    /// operation the IRQL analyses observe or that the graph lowers into a call (an invocation, <c>await</c>, a property
    /// read, a delegate or object creation, a lambda or local function, <c>lock</c>, <c>using</c>, <c>foreach</c>, an
    /// interpolated string, a collection expression, <c>with</c>). A body without any (a field getter, arithmetic) can
    /// neither change the IRQL nor hold a requirement site nor call a helper, so no rule can report in it or through it.
    /// </summary>
    public static bool MayMatter(IOperation body)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            switch (operation.Kind)
            {
                case OperationKind.Invocation or OperationKind.Await or OperationKind.PropertyReference or OperationKind.DelegateCreation
                    or OperationKind.ObjectCreation or OperationKind.AnonymousFunction or OperationKind.LocalFunction or OperationKind.Lock
                    or OperationKind.Using or OperationKind.UsingDeclaration or OperationKind.Loop or OperationKind.InterpolatedString
                    or OperationKind.CollectionExpression or OperationKind.With or OperationKind.DynamicInvocation or OperationKind.DynamicMemberReference
                    or OperationKind.DynamicObjectCreation or OperationKind.DynamicIndexerAccess or OperationKind.EventAssignment or OperationKind.DeconstructionAssignment
                    or OperationKind.Invalid:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The operation block's root: the method or constructor body around a block.</summary>
    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    /// <summary>The function's name token when the symbol has one in this tree, else the start of its syntax.</summary>
    private static Location NameLocation(IMethodSymbol symbol, SyntaxNode syntax)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource && location.SourceTree == syntax.SyntaxTree && syntax.FullSpan.Contains(location.SourceSpan))
            {
                return location;
            }
        }

        return symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? syntax.GetFirstToken().GetLocation();
    }

    /// <summary>A lambda's parameters and arrow (<c>(a, b) =&gt;</c>), or an anonymous method's <c>delegate</c> keyword and parameters.</summary>
    public static Location LambdaLocation(SyntaxNode syntax) => syntax switch
    {
        LambdaExpressionSyntax lambda => Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(lambda.SpanStart, lambda.ArrowToken.Span.End)),
        AnonymousMethodExpressionSyntax anonymous => Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(
            anonymous.DelegateKeyword.SpanStart, anonymous.ParameterList?.Span.End ?? anonymous.DelegateKeyword.Span.End)),
        _ => syntax.GetFirstToken().GetLocation(),
    };
}
