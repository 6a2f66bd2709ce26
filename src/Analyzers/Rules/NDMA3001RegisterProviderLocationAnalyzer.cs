using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetDma.Analyzers.Calls;
using NetDma.Analyzers.Contracts;
using NetDma.Analyzers.Infrastructure;
using NetDma.Analyzers.Protocol;

namespace NetDma.Analyzers.Rules;

/// <summary>
/// NDMA3001: NetDmaRegisterProvider called outside the AddDevice path. Calls directly inside another entry point (a
/// PnP routine other than AddDevice, a provider handler, a DPC or ISR converted to its contract delegate) are reported
/// at the call; calls in the provider's own helpers are reported at the call in each non-AddDevice entry point that
/// reaches them (bounded search over the compilation's caller→callee map), with the chain. Helpers reached only from
/// AddDevice, or from nowhere the compilation shows, stay silent. Source: nf-netdma-netdmaregisterprovider.md,
/// registering-a-netdma-provider.md.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NDMA3001RegisterProviderLocationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The PnP routine that registers (INetDmaProviderDriver.AddDevice, IWdmDmaDriver.AddDevice).</summary>
    private const string AddDevice = "AddDevice";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleSource.Ids.RegisterInAddDevice,
        "{0} calls {1} ({2}); a provider registers from its AddDevice routine, once per device ({3})",
        RuleDescriptors.ProtocolCategory,
        "The PnP manager calls AddDevice once per DMA engine, and the provider registers that engine with NetDmaRegisterProvider there; registering from another routine registers at the wrong time, more than once, or at an IRQL where the call is not allowed (the kit's run-time check NDMA3001 reports the same). Source: nf-netdma-netdmaregisterprovider.md.");

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

            var driverInterfaces = new[] { symbols.INetDmaProviderDriver, symbols.IWdmDmaDriver }
                .Where(type => type is not null)
                .ToImmutableArray();
            CallSiteReachability.Register(
                start,
                analysis,
                contract => contract.Name == DdiNames.NetDmaRegisterProvider,
                entry => !IsAddDevice(entry.Routine, driverInterfaces),
                (entry, site, chain, location) => Diagnostic.Create(
                    Rule,
                    location,
                    entry.DisplayName,
                    site.Contract.Role,
                    chain.IsEmpty ? "directly" : "through " + CallSiteReachability.DescribeChain(entry, site, chain),
                    site.Contract.Page ?? site.Contract.Name));
        });
    }

    private static bool IsAddDevice(IMethodSymbol routine, ImmutableArray<INamedTypeSymbol?> driverInterfaces) =>
        ContractReader.ImplementedInterfaceMembers(routine)
            .Any(member => member.Name == AddDevice && driverInterfaces.Contains(member.ContainingType, SymbolEqualityComparer.Default));
}
