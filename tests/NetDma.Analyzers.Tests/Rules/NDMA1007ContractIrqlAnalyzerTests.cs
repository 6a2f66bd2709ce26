using NetDma.Analyzers.Tests.Support;
using Verifier = NetDma.Analyzers.Tests.Support.AnalyzerVerifier<NetDma.Analyzers.Rules.NDMA1007ContractIrqlAnalyzer>;

namespace NetDma.Analyzers.Tests.Rules;

/// <summary>NDMA1007: an implementation's own IRQL attributes must accept every level its contract is called at.</summary>
public sealed class NDMA1007ContractIrqlAnalyzerTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ndma1007(int location, string implementation, string declared, string contract, string role, string page) =>
        Verifier.Diagnostic(RuleSource.Ids.ImplementationKeepsContractIrql).WithLocation(location).WithArguments(implementation, declared, contract, role, page);

    [Fact]
    public async Task AllocateDmaChannel_declared_PASSIVE_only_reports_NDMA1007_at_the_attribute()
    {
        var source = Sources.Provider("""
                    pProviderChannelContext = null;
                    return NtStatus.STATUS_SUCCESS;
            """).Replace("    public NtStatus AllocateDmaChannel(", "    [{|#0:IrqlRequiresMax(Irql.PASSIVE_LEVEL)|}]\n    public NtStatus AllocateDmaChannel(");
        await Verifier.VerifyAsync(source,
            Ndma1007(0, "AllocateDmaChannel", "IRQL = PASSIVE_LEVEL", "IRQL <= DISPATCH_LEVEL", "ProviderAllocateDmaChannel", "nc-netdma-dma_channel_allocate_handler.md"));
    }

    [Theory]
    [InlineData("[IrqlRequiresMax(Irql.DISPATCH_LEVEL)]")]
    [InlineData("[IrqlRequiresMax(Irql.HIGH_LEVEL)]")]
    [InlineData("")]
    public async Task An_implementation_that_keeps_or_widens_the_contract_or_inherits_it_is_silent(string attribute)
    {
        var source = Sources.Provider("""
                    pProviderChannelContext = null;
                    return NtStatus.STATUS_SUCCESS;
            """).Replace("    public NtStatus AllocateDmaChannel(", $"    {attribute}\n    public NtStatus AllocateDmaChannel(");
        await Verifier.VerifyAsync(source);
    }

    [Fact]
    public async Task A_DPC_routine_declared_PASSIVE_LEVEL_reports_NDMA1007()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Start()
                {
                    Kernel.KeInitializeDpc(_dpc, OnDpc, null);
                    Kernel.KeInitializeDpc(_dpc, OnDpc, null);
                }

                [{|#0:IrqlRequires(Irql.PASSIVE_LEVEL)|}]
                private void OnDpc(KDpc Dpc, object? DeferredContext, object? SystemArgument1, object? SystemArgument2)
                {
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1007(0, "OnDpc", "IRQL = PASSIVE_LEVEL", "IRQL = DISPATCH_LEVEL", "KDeferredRoutine", "irql-annotations-for-drivers.md"));
    }

    [Fact]
    public async Task A_lambda_with_a_weaker_attribute_than_its_delegate_reports_NDMA1007()
    {
        var source = Sources.Driver("""
                public NetDmaProviderCharacteristics Characteristics() => new()
                {
                    FreeDmaChannel = [{|#0:IrqlRequiresMax(Irql.APC_LEVEL)|}] (object context) => { },
                };
            """);
        await Verifier.VerifyAsync(source,
            Ndma1007(0, "lambda", "IRQL <= APC_LEVEL", "IRQL <= DISPATCH_LEVEL", "ProviderFreeDmaChannel", "nc-netdma-dma_channel_free_handler.md"));
    }

    [Fact]
    public async Task An_override_narrower_than_the_base_contract_reports_NDMA1007()
    {
        var source = Sources.Usings + """
            public abstract class Engine
            {
                [IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
                public abstract void Kick();
            }

            public sealed class SlowEngine : Engine
            {
                [{|#0:IrqlRequires(Irql.PASSIVE_LEVEL)|}]
                public override void Kick() { }
            }
            """;
        await Verifier.VerifyAsync(source,
            Ndma1007(0, "Kick", "IRQL = PASSIVE_LEVEL", "IRQL <= DISPATCH_LEVEL", "Kick", "irql-annotations-for-drivers.md"));
    }
}
