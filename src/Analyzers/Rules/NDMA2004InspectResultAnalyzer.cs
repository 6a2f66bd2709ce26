using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Contracts;
using NetDma.Analyzers.Infrastructure;
using NetDma.Analyzers.Flow;

namespace NetDma.Analyzers.Rules;

/// <summary>
/// NDMA2004 (PREfast C28193): the result of a call to a <c>[MustInspectResult]</c> routine (NetDmaRegisterProvider,
/// AllocateAdapterChannel through its delegate, IoGetDmaAdapter, ExAllocatePool2, IoConnectInterruptEx ...) is
/// discarded as an expression statement; stored in a local that no path reads before the local is overwritten or the
/// routine returns; or an out value of the call is read on a path before the stored result is. An explicit discard
/// (<c>_ = NetDmaRegisterProvider(...)</c>) is a deliberate, visible decision and is not reported. Results stored in
/// fields, passed on or returned count as inspected.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NDMA2004InspectResultAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: how the result is ignored (<see cref="DiscardedKind"/>, <see cref="NeverReadKind"/>, <see cref="OutputFirstKind"/>).</summary>
    public const string KindProperty = "Kind";

    /// <summary>The call is an expression statement: its result is dropped.</summary>
    public const string DiscardedKind = "Discarded";

    /// <summary>The result is stored in a local no path reads.</summary>
    public const string NeverReadKind = "NeverRead";

    /// <summary>An out value of the call is read before the result.</summary>
    public const string OutputFirstKind = "OutputFirst";

    /// <summary>The page the kit's catalog cites for NDMA2004, for routines without a page of their own.</summary>
    private const string AnnotationPage = "irql-annotations-for-drivers.md";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleSource.Ids.InspectResult,
        "The result of {0} {1}; a _Must_inspect_result_ routine's result must be checked before its outputs are used ({2})",
        RuleDescriptors.StatusCategory,
        "A routine annotated _Must_inspect_result_ may fail and leave its outputs unset (NetDmaRegisterProvider's handle is valid only on success; AllocateAdapterChannel does not queue AdapterControl on failure). PREfast reports the same as C28193. An explicit discard (_ = ...) is not reported.");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (CompilationAnalysis.Of(start.Compilation, start.Options) is not { Symbols: var symbols } analysis)
            {
                return;
            }

            var reader = analysis.Reader;
            start.RegisterOperationBlockAction(block =>
            {
                var anyCall = block.OperationBlocks.Any(root => root.DescendantsAndSelf()
                    .Any(operation => operation is IInvocationOperation invocation && MustInspect(invocation, reader) is not null));
                if (!anyCall)
                {
                    return;
                }

                foreach (var routine in FlowRoutines.Collect(block, analysis.Routines))
                {
                    Analyze(routine, reader, analysis.Budgets, block.ReportDiagnostic);
                }
            });
        });
    }

    private static MethodContract? MustInspect(IInvocationOperation invocation, ContractReader reader) =>
        reader.Read(invocation.TargetMethod) is { MustInspectResult: true } contract ? contract : null;

    private static void Analyze(FlowRoutine routine, ContractReader reader, AnalysisBudgets budgets, System.Action<Diagnostic> report)
    {
        var graph = routine.Graph;
        foreach (var block in graph.Blocks)
        {
            var statements = block.BranchValue is { } branch ? block.Operations.Add(branch) : block.Operations;
            for (var index = 0; index < statements.Length; index++)
            {
                foreach (var invocation in statements[index].DescendantsAndSelf().OfType<IInvocationOperation>())
                {
                    if (MustInspect(invocation, reader) is not { } contract)
                    {
                        continue;
                    }

                    var page = contract.Page ?? AnnotationPage;
                    IOperation node = invocation;
                    while (node.Parent is IConversionOperation { IsImplicit: true } conversion)
                    {
                        node = conversion;
                    }

                    switch (node.Parent)
                    {
                        case IExpressionStatementOperation:
                            report(Create(invocation.Syntax, DiscardedKind, contract.Role, "is discarded", page));
                            break;
                        case IFlowCaptureOperation capture when !IsReferenced(graph, capture.Id):
                            report(Create(invocation.Syntax, DiscardedKind, contract.Role, "is discarded", page));
                            break;
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                            when ReferenceEquals(assignment.Value, node) && IsStatement(assignment, statements[index]) && !routine.Captured.Contains(target.Local):
                            CheckStoredResult(graph, statements[index], target.Local, OutLocals(invocation), invocation, contract, page, budgets, report);
                            break;
                    }
                }
            }
        }
    }

    private static bool IsStatement(IOperation assignment, IOperation statement) =>
        ReferenceEquals(assignment, statement) || statement is IExpressionStatementOperation { Operation: var inner } && ReferenceEquals(inner, assignment);

    private static bool IsReferenced(ControlFlowGraph graph, CaptureId id) =>
        FlowRoutines.Operations(graph).Any(operation => operation is IFlowCaptureReferenceOperation reference && reference.Id.Equals(id));

    private static ImmutableArray<ILocalSymbol> OutLocals(IInvocationOperation invocation) => invocation.Arguments
        .Where(argument => argument.Parameter?.RefKind == RefKind.Out)
        .Select(argument => argument.Value is IDeclarationExpressionOperation declaration ? declaration.Expression : argument.Value)
        .OfType<ILocalReferenceOperation>()
        .Select(reference => reference.Local)
        .ToImmutableArray();

    /// <summary>
    /// Follows every path through the stored result (<see cref="StoredResultAnalysis"/> on the shared driver): a read of
    /// <paramref name="result"/> ends a path as inspected; a read of an out local before it is noted; an overwrite or the
    /// routine's exit ends it uninspected. A result no path reads is reported at the call; otherwise each out use that
    /// some path reaches before the result is reported where it happens. Code no path reaches is left alone.
    /// </summary>
    private static void CheckStoredResult(ControlFlowGraph graph, IOperation statement, ILocalSymbol result, ImmutableArray<ILocalSymbol> outputs,
        IInvocationOperation invocation, MethodContract contract, string page, AnalysisBudgets budgets, System.Action<Diagnostic> report)
    {
        var stored = new StoredResultAnalysis(statement, result, outputs);
        if (!ForwardFlow.Run(graph, stored, budgets).Completed || !stored.Reached)
        {
            return;
        }

        if (!stored.Inspected)
        {
            report(Create(invocation.Syntax, NeverReadKind, contract.Role, $"is stored in '{result.Name}' but never read", page));
            return;
        }

        foreach (var use in stored.OutputUses.GroupBy(u => u.Syntax).Select(g => g.First()))
        {
            report(Create(use.Syntax, OutputFirstKind, contract.Role, $"is not checked before its output '{use.Local.Name}' is used here", page));
        }
    }

    private static Diagnostic Create(SyntaxNode syntax, string kind, string role, string what, string page) =>
        Diagnostic.Create(Rule, syntax.GetLocation(), ImmutableDictionary<string, string?>.Empty.Add(KindProperty, kind), role, what, page);
}
