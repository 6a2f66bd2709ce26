using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Contracts;
using NetDma.Analyzers.Infrastructure;
using NetDma.Analyzers.Irql;

namespace NetDma.Analyzers.Rules;

/// <summary>
/// NDMA1004 and NDMA1005, the PREfast C28141-C28167 family, over the same control-flow analysis as NDMA1001:
/// a function that can exit at another IRQL than it was entered at (a raise without its restore on some path, C28167,
/// C28166); a restore whose argument is no level an <c>[IrqlSaves]</c> parameter saved (C28158's situation seen from
/// the restore); KeRaiseIrql to a constant below the current level (C28141) and KeLowerIrql to a constant above it.
/// Functions that declare <c>[IrqlRaises]</c> or an <c>[IrqlRestores]</c> parameter change the IRQL on purpose and
/// are not held to NDMA1005. An explicit <c>throw</c> that leaves the function is an exit too, reported at the throw;
/// exceptions thrown by calls are not followed. Source: irql-annotations-for-drivers.md.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NDMA1004IrqlBalanceAnalyzer : DiagnosticAnalyzer
{
    private const string Page = "irql-annotations-for-drivers.md";

    internal static readonly DiagnosticDescriptor RaiseUpLowerDownRule = RuleDescriptors.Create(
        RuleSource.Ids.RaiseUpLowerDown,
        "{0} {1} on {2} paths ({3})",
        RuleDescriptors.IrqlCategory,
        "The saved level is the one an [IrqlSaves] parameter saved. PREfast: C28141, C28158.");

    internal static readonly DiagnosticDescriptor ReturnAtEntryIrqlRule = RuleDescriptors.Create(
        RuleSource.Ids.ReturnAtEntryIrql,
        "{0} exits at {1} on {2} paths, entered at {3} ({4})",
        RuleDescriptors.IrqlCategory,
        "PREfast: C28166, C28167.");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(RaiseUpLowerDownRule, ReturnAtEntryIrqlRule);

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

            var effects = analysis.IrqlEffects;
            start.RegisterOperationBlockAction(block =>
            {
                foreach (var function in IrqlFunctions.Analyze(block, analysis))
                {
                    var entry = function.ContractEntry ?? IrqlEntry.Unresolved;
                    CheckExit(block, function, entry, effects);
                    CheckRaisesAndRestores(block, function, entry, effects);
                }
            });
        });
    }

    private static void CheckExit(OperationBlockAnalysisContext context, IrqlFunction function, IrqlEntry entry, IrqlCallEffects effects)
    {
        if (effects.Of(function.Symbol) is { } own && (own.Raises || own.RestoresParameter is not null))
        {
            return;
        }

        Report(context, function.Location, function.Name, function.Flow.ExitState, entry);

        // An exception that leaves the function leaves the IRQL and the spin locks as they are at the throw.
        foreach (var (location, state) in function.Flow.ThrowExits)
        {
            Report(context, location, $"{function.Name} (throwing here)", state, entry);
        }
    }

    private static void Report(OperationBlockAnalysisContext context, Location location, string name, IrqlFlowState exit, IrqlEntry entry)
    {
        var entryLevels = entry.KnownLevels;
        var exactEntry = entry.IsKnown && entryLevels.Lowest == entryLevels.Highest && !entry.Alternatives.Any(a => a.Unknown);
        var any = false;
        var all = true;
        var levels = IrqlLevels.None;
        var sources = new List<string>();
        foreach (var path in exit.Paths)
        {
            var value = path.Current;
            var changed = value.Levels;
            if (exactEntry && !value.Unknown && changed.Equals(entryLevels))
            {
                changed = IrqlLevels.None; // Raised to the level it was entered at: nothing to restore.
            }

            var violates = !changed.IsEmpty;
            any |= violates;
            all &= violates && !path.Merged;
            if (violates)
            {
                levels = levels.Union(changed);
                if (value.Source is { } source && !sources.Contains(source))
                {
                    sources.Add(source);
                }
            }
        }

        if (!any)
        {
            return;
        }

        sources.Add(Page);
        context.ReportDiagnostic(Diagnostic.Create(ReturnAtEntryIrqlRule, location,
            name, levels.Describe(), all ? "all" : "some", DescribeEntry(entry), string.Join("; ", sources)));
    }

    private static string DescribeEntry(IrqlEntry entry)
    {
        if (!entry.IsKnown)
        {
            return "its caller's IRQL";
        }

        var levels = entry.KnownLevels;
        var range = new IrqlRange(levels.Lowest, levels.Highest);
        return IrqlLevels.FromRange(range).Equals(levels) ? range.DescribeRequirement() : levels.Describe();
    }

    private static void CheckRaisesAndRestores(OperationBlockAnalysisContext context, IrqlFunction function, IrqlEntry entry, IrqlCallEffects effects)
    {
        var flow = function.Flow;
        foreach (var observation in flow.Observations)
        {
            if (observation.Operation is not IInvocationOperation invocation || effects.Of(invocation.TargetMethod) is not { } effect)
            {
                continue;
            }

            if (effect.RestoresParameter is { } restores && IrqlFlowAnalysis.ArgumentFor(invocation, restores) is { } argument)
            {
                CheckRestore(context, flow, invocation, effect, argument, observation.Before, entry);
            }

            if (effect.Raises && effect.RaisesTo is null && effect.NewIrqlParameter is { } newIrql
                && IrqlFlowAnalysis.ConstantLevel(flow.Unwrap(IrqlFlowAnalysis.ArgumentFor(invocation, newIrql)?.Value)) is { } target)
            {
                // KeRaiseIrql to a level below where the code can be.
                var verdict = IrqlVerdict.Evaluate(observation.Before, entry, IrqlLevels.Below((byte)(target + 1)), countRaises: true);
                if (verdict.Violates)
                {
                    context.ReportDiagnostic(Diagnostic.Create(RaiseUpLowerDownRule, invocation.Syntax.GetLocation(),
                        $"{effect.Name} to {IrqlRange.Name(target)}", $"would lower the IRQL from {verdict.Levels.Describe()}",
                        verdict.PathsWord, Why(verdict.Origins)));
                }
            }
        }
    }

    private static void CheckRestore(
        OperationBlockAnalysisContext context, IrqlFlowAnalysis flow, IInvocationOperation invocation, IrqlCallEffect effect,
        IArgumentOperation argument, IrqlFlowState before, IrqlEntry entry)
    {
        var value = flow.Unwrap(argument.Value);
        if (IrqlFlowAnalysis.ConstantLevel(value) is { } constant)
        {
            // A constant is never a saved level; when it is above where the code can be, the restore raises.
            var raising = IrqlVerdict.Evaluate(before, entry, IrqlLevels.All.Except(IrqlLevels.Below(constant)), countRaises: true);
            var message = raising.Violates
                ? ($"{effect.Name} to {IrqlRange.Name(constant)}", $"would raise the IRQL from {raising.Levels.Describe()}", raising.PathsWord, Why(raising.Origins))
                : ($"{effect.Name}", $"restores the constant {IrqlRange.Name(constant)}, which no [IrqlSaves] parameter saved,", "all", Page);
            context.ReportDiagnostic(Diagnostic.Create(RaiseUpLowerDownRule, invocation.Syntax.GetLocation(),
                message.Item1, message.Item2, message.Item3, message.Item4));
            return;
        }

        // Only locals are judged: a parameter or field may hold a level saved by another function.
        if (value is not ILocalReferenceOperation local || flow.SlotOf(value) is not { } slot || before.IsUnreachable)
        {
            return;
        }

        var unsaved = before.Paths.Count(p => p.Saved[slot] is null);
        if (unsaved == 0)
        {
            return;
        }

        var all = unsaved == before.Paths.Length && !before.Paths.Any(p => p.Merged);
        context.ReportDiagnostic(Diagnostic.Create(RaiseUpLowerDownRule, invocation.Syntax.GetLocation(),
            effect.Name, $"restores {local.Local.Name}, which no [IrqlSaves] parameter saved,", all ? "all" : "some", Page));
    }

    private static string Why(string origins) => origins.Length == 0 ? Page : $"{origins}; {Page}";
}
