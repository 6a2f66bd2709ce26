using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetDma.Analyzers.Calls;
using NetDma.Analyzers.Contracts;
using NetDma.Analyzers.Infrastructure;
using NetDma.Analyzers.Protocol;

namespace NetDma.Analyzers.Rules;

/// <summary>
/// NDMA4002: AllocateAdapterChannel (PALLOCATE_ADAPTER_CHANNEL, or AllocateAdapterChannelEx) called inside an
/// AdapterControl routine: a method, local function or lambda whose contract is DRIVER_CONTROL (converted to
/// DriverControl, or marked <c>[ContractOf(typeof(DriverControl))]</c>). Direct calls are reported at the call; calls
/// in helpers the AdapterControl routine reaches are reported at its call into the helper, with the chain.
/// Source: nc-wdm-pallocate_adapter_channel.md ("a driver must not call AllocateAdapterChannel from within its
/// AdapterControl routine").
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NDMA4002AllocateAdapterChannelReentrancyAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleSource.Ids.NotFromAdapterControl,
        "{0} calls {1} ({2}); AllocateAdapterChannel must not be called from inside an AdapterControl routine ({3})",
        RuleDescriptors.ProtocolCategory,
        "Only one adapter-channel request can be queued per device object, and AdapterControl runs while the current one is being served; calling AllocateAdapterChannel from inside it queues a second request that can deadlock the adapter (Driver Verifier DMA checking and the kit's run-time check NDMA4002 report the same). Source: nc-wdm-pallocate_adapter_channel.md.");

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

            CallSiteReachability.Register(
                start,
                analysis,
                contract => DdiNames.IsAllocateAdapterChannel(contract.Name),
                entry => entry.Contract.Name == DdiNames.DriverControl,
                (entry, site, chain, location) => Diagnostic.Create(
                    Rule,
                    location,
                    entry.DisplayName,
                    site.Contract.Role,
                    chain.IsEmpty ? "directly" : "through " + CallSiteReachability.DescribeChain(entry, site, chain),
                    site.Contract.Page ?? site.Contract.Name));
        });
    }
}
