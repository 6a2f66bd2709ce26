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
/// NDMA3003: a ProviderAllocateDmaChannel implementation (any routine whose contract is DMA_CHANNEL_ALLOCATE_HANDLER)
/// returns a success status (a constant for which NT_SUCCESS is true) on a path that never writes
/// <c>ChannelParameters.CpuNumber</c>. Paths come from the control-flow graph; passing the ChannelParameters object to
/// any call or storing it counts as a possible write. Reported at the return, saying whether all or some success paths
/// to it miss the write. Source: nc-netdma-dma_channel_allocate_handler.md.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NDMA3003CpuNumberAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the name of the NetDmaChannelParameters parameter, present when the code fix applies (no path to the return writes CpuNumber).</summary>
    public const string ChannelParametersProperty = "ChannelParameters";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleSource.Ids.CpuNumberReported,
        "{0} returns {1} without writing {2} on {3} paths to this return; a successful allocation reports the CPU number of the channel's interrupt DPC ({4})",
        RuleDescriptors.ProtocolCategory,
        "NetDMA reads NET_DMA_CHANNEL_PARAMETERS.CpuNumber after a successful ProviderAllocateDmaChannel to know where the channel's interrupt DPC runs; a success path that never writes it reports a stale CPU (the kit's run-time check NDMA3003 reports the same). Source: nc-netdma-dma_channel_allocate_handler.md.");

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
                method => method.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, parametersType)),
                contract => contract.Name == DdiNames.DmaChannelAllocateHandler,
                (routine, report) => Analyze(routine, analysis, names, report));
        });
    }

    private static void Analyze(FlowRoutine routine, CompilationAnalysis analysis, StatusNames names, System.Action<Diagnostic> report)
    {
        var symbols = analysis.Symbols;
        if (AllocateHandler.TryCreate(routine, symbols) is not { } handler)
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
            var missing = atReturn.Where(p => (p.State.Facts & PathFacts.CpuNumberWritten) == 0).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            // The fix writes CpuNumber unconditionally before the return: offered only when no path to the return
            // writes it (a write on some paths is the author's choice of CPU, which the fix would overwrite), and not
            // for a discarded parameter (`_`), which cannot be written.
            var parameter = handler.ChannelParameters;
            var allPaths = missing.Count == atReturn.Count();
            var properties = parameter.IsDiscard || !allPaths
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(ChannelParametersProperty, parameter.Name);
            report(Diagnostic.Create(
                Rule,
                atReturn.Key.GetLocation(),
                properties,
                handler.Contract.Role,
                names.List(missing.Select(p => p.Value.Constant).Distinct()),
                parameter.IsDiscard ? $"CpuNumber (its {parameter.Type.Name} parameter is discarded)" : $"{parameter.Name}.{PathExplorer.CpuNumberMember}",
                allPaths ? "all" : "some",
                handler.Contract.Page ?? handler.Contract.Name));
        }
    }
}
