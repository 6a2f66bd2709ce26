using NetDma.Analyzers.Tests.Support;
using Verifier = NetDma.Analyzers.Tests.Support.AnalyzerVerifier<NetDma.Analyzers.Rules.NDMA1003PagedPoolAnalyzer>;

namespace NetDma.Analyzers.Tests.Rules;

/// <summary>NDMA1003: paged pool where the IRQL can be above APC_LEVEL.</summary>
public sealed class NDMA1003PagedPoolAnalyzerTests
{
    private const string AllocateOrigin = "ProviderAllocateDmaChannel runs at IRQL <= DISPATCH_LEVEL, nc-netdma-dma_channel_allocate_handler.md";
    private const string Ceiling = "IRQL <= APC_LEVEL";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ndma1003(int location, string subject, string levels, string paths, string chain, string why) =>
        Verifier.Diagnostic(RuleSource.Ids.PagedPoolAtPassiveOrApc).WithLocation(location).WithArguments(subject, Ceiling, levels, paths, chain, why);

    [Fact]
    public async Task PagedPool_allocation_in_AllocateDmaChannel_reports_NDMA1003_on_all_paths()
    {
        var source = Sources.Provider("""
                    pProviderChannelContext = null;
                    var block = {|#0:Kernel.ExAllocatePool2(PoolType.PagedPool, 64, 0x52646D4E)|};
                    return block.IsNull ? NtStatus.STATUS_INSUFFICIENT_RESOURCES : NtStatus.STATUS_SUCCESS;
            """);
        await Verifier.VerifyAsync(source,
            Ndma1003(0, "ExAllocatePool2 with PoolType.PagedPool", "DISPATCH_LEVEL", "all", "", AllocateOrigin));
    }

    [Fact]
    public async Task NonPaged_allocation_at_DISPATCH_and_paged_allocation_at_PASSIVE_are_silent()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public VirtualAddress Dpc() => Kernel.ExAllocatePool2(PoolType.NonPagedPoolNx, 64, 1);

                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Start()
                {
                    var block = Kernel.ExAllocatePool2(PoolType.PagedPool, 64, 1);
                    Kernel.ExFreePool(block);
                }

                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public VirtualAddress Computed(PoolType type) => Kernel.ExAllocatePool2(type, 64, 1);
            """);
        await Verifier.VerifyAsync(source);
    }

    [Fact]
    public async Task Freeing_a_paged_block_under_a_spin_lock_reports_NDMA1003()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Start()
                {
                    var block = Kernel.ExAllocatePool2(PoolType.PagedPool, 64, 1);
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    {|#0:Kernel.ExFreePool(block)|};
                    Kernel.KeReleaseSpinLock(_lock, oldIrql);
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1003(0, "ExFreePool of a PoolType.PagedPool block", "DISPATCH_LEVEL", "all", "", "KeAcquireSpinLock raised the IRQL to DISPATCH_LEVEL"));
    }

    [Fact]
    public async Task A_paged_allocation_in_a_helper_of_a_DPC_lambda_reports_the_chain()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Start()
                {
                    Kernel.KeInitializeDpc(_dpc, (dpc, context, argument1, argument2) =>
                    {
                        {|#0:Grow()|};
                    }, null);
                }

                private VirtualAddress Grow() => Kernel.ExAllocatePool2(PoolType.PagedPool, 4096, 1);
            """);
        await Verifier.VerifyAsync(source,
            Ndma1003(0, "ExAllocatePool2 with PoolType.PagedPool", "DISPATCH_LEVEL", "all", " through lambda -> Grow -> ExAllocatePool2",
                "KDeferredRoutine runs at IRQL = DISPATCH_LEVEL"));
    }
}
