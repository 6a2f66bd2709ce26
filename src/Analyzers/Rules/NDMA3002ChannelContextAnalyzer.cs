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
/// NDMA3002: a ProviderAllocateDmaChannel implementation returns a success status on a path whose last assignment to
/// the out channel context (pProviderChannelContext) is a literal <c>null</c> or <c>default</c>. A value copied from a
/// local or returned by a call is unknown and never reported. Reported at the return, saying whether all or some success
/// paths to it leave the context null. Source: nc-netdma-dma_channel_allocate_handler.md.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NDMA3002ChannelContextAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleSource.Ids.DistinctChannelContext,
        "{0} returns {1} with {2} set to null on {3} paths to this return; a successful allocation returns a non-null channel context ({4})",
        RuleDescriptors.ProtocolCategory,
        "NetDMA passes the channel context returned by a successful ProviderAllocateDmaChannel to every later handler of the channel; a null context cannot identify the channel (the kit's run-time check NDMA3002 also checks that live contexts are distinct). Source: nc-netdma-dma_channel_allocate_handler.md.");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (CompilationAnalysis.Of(start.Compilation, start.Options) is not { Symbols: { NetDmaChannelParameters: { } parametersType } symbols } analysis)
            {
                return;
            }

            var names = new StatusNames(symbols);
            ContractRoutines.Register(
                start,
                analysis,
                method => method.Parameters.Any(p => p.RefKind == RefKind.Out) && method.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, parametersType)),
                contract => contract.Name == DdiNames.DmaChannelAllocateHandler,
                (routine, report) => Analyze(routine, analysis, names, report));
        });
    }

    private static void Analyze(FlowRoutine routine, CompilationAnalysis analysis, StatusNames names, System.Action<Diagnostic> report)
    {
        var symbols = analysis.Symbols;
        if (AllocateHandler.TryCreate(routine, symbols) is not { ChannelContext: { } channelContext } handler)
        {
            return;
        }

        var paths = analysis.ReturnPaths(routine);
        if (paths.IsDefaultOrEmpty)
        {
            return;
        }

        foreach (var atReturn in paths.Where(p => p.Value is { IsConstant: true, Constant: >= 0 }).GroupBy(p => p.ReturnSyntax))
        {
            var nullPaths = atReturn.Where(p => p.State.Get(channelContext) is { IsNull: true }).ToList();
            if (nullPaths.Count == 0)
            {
                continue;
            }

            report(Diagnostic.Create(
                Rule,
                atReturn.Key.GetLocation(),
                handler.Contract.Role,
                names.List(nullPaths.Select(p => p.Value.Constant).Distinct()),
                channelContext.Name,
                nullPaths.Count == atReturn.Count() ? "all" : "some",
                handler.Contract.Page ?? handler.Contract.Name));
        }
    }
}
