using NetDma.Analyzers.Tests.Support;
using Verifier = NetDma.Analyzers.Tests.Support.AnalyzerVerifier<NetDma.Analyzers.Rules.NDMA1002BlockingAtDispatchAnalyzer>;

namespace NetDma.Analyzers.Tests.Rules;

/// <summary>NDMA1002: blocking work where the IRQL can be DISPATCH_LEVEL or higher.</summary>
public sealed class NDMA1002BlockingAtDispatchAnalyzerTests
{
    private const string AllocateOrigin = "ProviderAllocateDmaChannel runs at IRQL <= DISPATCH_LEVEL, nc-netdma-dma_channel_allocate_handler.md";
    private const string SpinLockRaise = "KeAcquireSpinLock raised the IRQL to DISPATCH_LEVEL";
    private const string DpcOrigin = "Dpc runs at IRQL = DISPATCH_LEVEL";
    private const string Ceiling = "IRQL <= APC_LEVEL";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ndma1002(int location, string subject, string levels, string paths, string chain, string why) =>
        Verifier.Diagnostic(RuleSource.Ids.NoBlockingWaitAtDispatch).WithLocation(location).WithArguments(subject, Ceiling, levels, paths, chain, why);

    [Fact]
    public async Task KeWaitForSingleObject_with_an_infinite_time_out_in_AllocateDmaChannel_reports_NDMA1002_on_all_paths()
    {
        var source = Sources.Provider("""
                    pProviderChannelContext = null;
                    {|#0:Kernel.KeWaitForSingleObject(_event, null)|};
                    return NtStatus.STATUS_SUCCESS;
            """);
        await Verifier.VerifyAsync(source,
            Ndma1002(0, "KeWaitForSingleObject with an infinite time-out", "DISPATCH_LEVEL", "all", "", AllocateOrigin));
    }

    [Fact]
    public async Task Kernel_waits_are_classified_by_their_time_out_and_a_zero_poll_is_allowed()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public void Dpc(long timeout)
                {
                    Kernel.KeWaitForSingleObject(_event, 0);
                    Kernel.KeWaitForSingleObject(_event, 0L);
                    {|#0:Kernel.KeWaitForSingleObject(_event, 10_000)|};
                    {|#1:Kernel.KeWaitForSingleObject(_event, timeout)|};
                    {|#2:Kernel.KeWaitForSingleObject(_event, default)|};
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1002(0, "KeWaitForSingleObject with a non-zero time-out", "DISPATCH_LEVEL", "all", "", DpcOrigin),
            Ndma1002(1, "KeWaitForSingleObject with a time-out that can be non-zero", "DISPATCH_LEVEL", "all", "", DpcOrigin),
            Ndma1002(2, "KeWaitForSingleObject with an infinite time-out", "DISPATCH_LEVEL", "all", "", DpcOrigin));
    }

    [Fact]
    public async Task A_wait_under_a_spin_lock_in_a_PASSIVE_routine_reports_and_after_the_release_is_silent()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop()
                {
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    {|#0:Kernel.KeWaitForSingleObject(_event, 100)|};
                    Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    Kernel.KeWaitForSingleObject(_event, null);
                    Thread.Sleep(1);
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1002(0, "KeWaitForSingleObject with a non-zero time-out", "DISPATCH_LEVEL", "all", "", SpinLockRaise));
    }

    [Fact]
    public async Task A_lock_statement_in_a_DPC_reports_NDMA1002_at_the_lock_header()
    {
        var source = Sources.Driver("""
                private readonly object _gate = new();

                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public void Dpc()
                {
                    {|#0:lock (_gate)|}
                    {
                        Kernel.KeSetEvent(_event);
                    }
                }
            """);
        await Verifier.VerifyAsync(source, Ndma1002(0, "lock", "DISPATCH_LEVEL", "all", "", DpcOrigin));
    }

    [Fact]
    public async Task Dotnet_blocking_members_in_a_DPC_report_NDMA1002()
    {
        var source = Sources.Driver("""
                private readonly object _gate = new();
                private readonly SemaphoreSlim _semaphore = new(1);

                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public int Dpc(Task<int> pending, Task other)
                {
                    {|#0:Monitor.Enter(_gate)|};
                    Monitor.Exit(_gate);
                    {|#1:Thread.Sleep(1)|};
                    {|#2:other.Wait()|};
                    {|#3:_semaphore.Wait()|};
                    {|#4:other.GetAwaiter().GetResult()|};
                    return {|#5:pending.Result|};
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1002(0, "Monitor.Enter", "DISPATCH_LEVEL", "all", "", DpcOrigin),
            Ndma1002(1, "Thread.Sleep", "DISPATCH_LEVEL", "all", "", DpcOrigin),
            Ndma1002(2, "Task.Wait", "DISPATCH_LEVEL", "all", "", DpcOrigin),
            Ndma1002(3, "SemaphoreSlim.Wait", "DISPATCH_LEVEL", "all", "", DpcOrigin),
            Ndma1002(4, "GetAwaiter().GetResult()", "DISPATCH_LEVEL", "all", "", DpcOrigin),
            Ndma1002(5, "Task.Result", "DISPATCH_LEVEL", "all", "", DpcOrigin));
    }

    [Fact]
    public async Task An_await_in_a_DISPATCH_LEVEL_routine_reports_NDMA1002()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public async Task Dpc(Task pending)
                {
                    {|#0:await pending|};
                }
            """);
        await Verifier.VerifyAsync(source, Ndma1002(0, "await", "DISPATCH_LEVEL", "all", "", DpcOrigin));
    }

    [Fact]
    public async Task Blocking_at_PASSIVE_LEVEL_or_without_a_known_IRQL_is_silent()
    {
        var source = Sources.Driver("""
                private readonly object _gate = new();

                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop()
                {
                    lock (_gate)
                    {
                        Thread.Sleep(1);
                    }

                    Kernel.KeWaitForSingleObject(_event, null);
                }

                public void Anywhere() => Thread.Sleep(1);
            """);
        await Verifier.VerifyAsync(source);
    }

    [Fact]
    public async Task A_helper_that_sleeps_called_from_a_DPC_method_group_reports_the_chain()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Start() => Kernel.KeInitializeDpc(_dpc, OnDpc, null);

                private void OnDpc(KDpc Dpc, object? DeferredContext, object? SystemArgument1, object? SystemArgument2)
                {
                    {|#0:Settle()|};
                }

                private static void Settle() => Thread.Sleep(10);
            """);
        await Verifier.VerifyAsync(source,
            Ndma1002(0, "Thread.Sleep", "DISPATCH_LEVEL", "all", " through OnDpc -> Settle -> Thread.Sleep", "KDeferredRoutine runs at IRQL = DISPATCH_LEVEL"));
    }

    [Fact]
    public async Task A_lock_in_a_helper_called_under_a_spin_lock_reports_the_chain_at_the_call()
    {
        var source = Sources.Driver("""
                private readonly object _gate = new();

                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop()
                {
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    {|#0:Flush()|};
                    Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    Flush();
                }

                private void Flush()
                {
                    lock (_gate)
                    {
                        Kernel.KeSetEvent(_event);
                    }
                }
            """);
        await Verifier.VerifyAsync(source, Ndma1002(0, "lock", "DISPATCH_LEVEL", "all", " through Stop -> Flush -> lock", SpinLockRaise));
    }
}
