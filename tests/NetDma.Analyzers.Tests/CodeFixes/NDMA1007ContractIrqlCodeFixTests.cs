using NetDma.Analyzers.CodeFixes;
using NetDma.Analyzers.Tests.Support;
using Verifier = NetDma.Analyzers.Tests.Support.CodeFixVerifier<NetDma.Analyzers.Rules.NDMA1007ContractIrqlAnalyzer, NetDma.Analyzers.CodeFixes.NDMA1007ContractIrqlCodeFixProvider>;

namespace NetDma.Analyzers.Tests.CodeFixes;

/// <summary>NDMA1007 fix: the implementation declares the contract's IRQL instead of its weaker one.</summary>
public sealed class NDMA1007ContractIrqlCodeFixTests
{
    private const string AllocateBody = """
                pProviderChannelContext = null;
                return NtStatus.STATUS_SUCCESS;
        """;

    private const string AllocateSignature = "    public NtStatus AllocateDmaChannel(";

    [Fact]
    public async Task AllocateDmaChannel_declared_PASSIVE_gets_the_contract_IrqlRequiresMax_DISPATCH_LEVEL()
    {
        var before = Sources.Provider(AllocateBody).Replace(AllocateSignature, "    [{|#0:IrqlRequiresMax(Irql.PASSIVE_LEVEL)|}]\n" + AllocateSignature);
        var after = Sources.Provider(AllocateBody).Replace(AllocateSignature, "    [IrqlRequiresMax(Irql.DISPATCH_LEVEL)]\n" + AllocateSignature);
        var expected = Verifier.Diagnostic(RuleSource.Ids.ImplementationKeepsContractIrql).WithLocation(0).WithArguments(
            "AllocateDmaChannel", "IRQL = PASSIVE_LEVEL", "IRQL <= DISPATCH_LEVEL", "ProviderAllocateDmaChannel", "nc-netdma-dma_channel_allocate_handler.md");
        await Verifier.VerifyAsync(before, after, [expected], NDMA1007ContractIrqlCodeFixProvider.Key);
    }

    [Fact]
    public async Task A_min_and_max_pair_is_replaced_by_the_single_contract_attribute()
    {
        var before = Sources.Provider(AllocateBody).Replace(
            AllocateSignature, "    [{|#0:IrqlRequiresMin(Irql.PASSIVE_LEVEL)|}]\n    [IrqlRequiresMax(Irql.APC_LEVEL)]\n" + AllocateSignature);
        var after = Sources.Provider(AllocateBody).Replace(AllocateSignature, "    [IrqlRequiresMax(Irql.DISPATCH_LEVEL)]\n" + AllocateSignature);
        var expected = Verifier.Diagnostic(RuleSource.Ids.ImplementationKeepsContractIrql).WithLocation(0).WithArguments(
            "AllocateDmaChannel", "IRQL <= APC_LEVEL", "IRQL <= DISPATCH_LEVEL", "ProviderAllocateDmaChannel", "nc-netdma-dma_channel_allocate_handler.md");
        await Verifier.VerifyAsync(before, after, [expected], NDMA1007ContractIrqlCodeFixProvider.Key);
    }

    [Fact]
    public async Task A_DPC_routine_declared_PASSIVE_gets_IrqlRequires_DISPATCH_LEVEL()
    {
        const string Members = """
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Start() => Kernel.KeInitializeDpc(_dpc, OnDpc, null);

                /// <summary>The DPC.</summary>
                [Obsolete("test"), {|#0:IrqlRequires(Irql.PASSIVE_LEVEL)|}]
                private void OnDpc(KDpc Dpc, object? DeferredContext, object? SystemArgument1, object? SystemArgument2)
                {
                }
            """;
        var before = Sources.Driver(Members);
        var after = Sources.Driver(Members.Replace("{|#0:IrqlRequires(Irql.PASSIVE_LEVEL)|}", "IrqlRequires(Irql.DISPATCH_LEVEL)"));
        var expected = Verifier.Diagnostic(RuleSource.Ids.ImplementationKeepsContractIrql).WithLocation(0).WithArguments(
            "OnDpc", "IRQL = PASSIVE_LEVEL", "IRQL = DISPATCH_LEVEL", "KDeferredRoutine", "irql-annotations-for-drivers.md");
        await Verifier.VerifyAsync(before, after, [expected], NDMA1007ContractIrqlCodeFixProvider.Key);
    }
}
