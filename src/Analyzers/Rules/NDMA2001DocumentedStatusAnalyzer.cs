using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetDma.Analyzers.Contracts;
using NetDma.Analyzers.Infrastructure;
using NetDma.Analyzers.Flow;
using NetDma.Analyzers.Protocol;

namespace NetDma.Analyzers.Rules;

/// <summary>
/// NDMA2001: a routine implementing a contract with a documented status set (a provider handler, a lambda or method
/// group converted to a contract delegate) returns an NTSTATUS constant outside that set on some path. Constants are
/// followed through locals, conditionals and switch expressions on the control-flow graph; values returned from calls
/// are unknown and never reported. Reported at the constant, with the documented set and its page.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NDMA2001DocumentedStatusAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the documented statuses' names, comma-separated, in the page's order (for the code fix).</summary>
    public const string DocumentedProperty = "Documented";

    /// <summary>Diagnostic property: the undocumented status' name, or its hexadecimal value.</summary>
    public const string StatusProperty = "Status";

    /// <summary>Diagnostic property: the undocumented status' 32-bit value, in decimal.</summary>
    public const string ValueProperty = "Value";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleSource.Ids.DocumentedStatusOnly,
        "{0} may return {1} on {2} paths; its page documents {3}",
        RuleDescriptors.StatusCategory,
        "NetDMA and the I/O manager act on the documented return values of a callback only; any other status is a contract violation the caller cannot interpret (the kit's run-time check NDMA2001 reports the same). Source: the callback's reference page.");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (CompilationAnalysis.Of(start.Compilation, start.Options) is not { Symbols: { NtStatus: { } ntStatus } symbols } analysis)
            {
                return;
            }

            var names = new StatusNames(symbols);
            ContractRoutines.Register(
                start,
                analysis,
                method => SymbolEqualityComparer.Default.Equals(method.ReturnType, ntStatus),
                contract => !contract.Statuses.IsDefaultOrEmpty,
                (routine, report) => Analyze(routine, analysis, names, report));
        });
    }

    private static void Analyze(FlowRoutine routine, CompilationAnalysis analysis, StatusNames names, System.Action<Diagnostic> report)
    {
        var symbols = analysis.Symbols;
        if (routine.Contract is not { } contract || !SymbolEqualityComparer.Default.Equals(routine.Symbol.ReturnType, symbols.NtStatus))
        {
            return;
        }

        var paths = analysis.ReturnPaths(routine);
        if (paths.IsDefaultOrEmpty)
        {
            return;
        }

        var documented = contract.Statuses.Select(s => unchecked((int)s)).ToImmutableArray();
        var documentedText = names.List(documented) + (contract.Page is { } page ? $" ({page})" : string.Empty);
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DocumentedProperty, string.Join(",", documented.Select(names.Name)));
        var reported = new HashSet<SyntaxNode>();
        foreach (var path in paths)
        {
            if (path.Value is not { IsConstant: true, Source: { } source } value || documented.Contains(value.Constant) || !reported.Add(source))
            {
                continue;
            }

            var everyPath = paths.All(p => p.Value.IsConstant && p.Value.Constant == value.Constant);
            report(Diagnostic.Create(
                Rule,
                source.GetLocation(),
                properties.Add(StatusProperty, names.Name(value.Constant)).Add(ValueProperty, value.Constant.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                contract.Role,
                names.Describe(value.Constant),
                everyPath ? "all" : "some",
                documentedText));
        }
    }
}
