using NetDma.Analyzers.CodeFixes;
using NetDma.Analyzers.Rules;
using NetDma.Analyzers.Tests.Support;
using Verifier = NetDma.Analyzers.Tests.Support.CodeFixVerifier<NetDma.Analyzers.Rules.NDMA1002BlockingAtDispatchAnalyzer, NetDma.Analyzers.CodeFixes.NDMA1002BlockingAtDispatchCodeFixProvider>;

namespace NetDma.Analyzers.Tests.CodeFixes;

/// <summary>NDMA1002 fixes: a C# lock becomes the kernel spin lock; a kernel wait becomes a poll.</summary>
public sealed class NDMA1002BlockingAtDispatchCodeFixTests
{
    private const string DpcOrigin = "Dpc runs at IRQL = DISPATCH_LEVEL";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ndma1002(string subject) =>
        Verifier.Diagnostic(RuleSource.Ids.NoBlockingWaitAtDispatch).WithLocation(0)
            .WithArguments(subject, "IRQL <= APC_LEVEL", "DISPATCH_LEVEL", "all", "", DpcOrigin);

    [Fact]
    public async Task A_lock_at_DISPATCH_LEVEL_becomes_KeAcquireSpinLock_try_finally_KeReleaseSpinLock()
    {
        var before = Sources.Driver("""
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
        var after = Sources.Driver("""
                private readonly object _gate = new();

                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public void Dpc()
                {
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    try
                    {
                        Kernel.KeSetEvent(_event);
                    }
                    finally
                    {
                        Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    }
                }
            """);
        await Verifier.VerifyAsync(before, after, [Ndma1002("lock")], NDMA1002BlockingAtDispatchCodeFixProvider.SpinLockKey + "_lock");
    }

    [Fact]
    public async Task The_spin_lock_fix_picks_a_free_name_for_the_saved_IRQL()
    {
        var before = Sources.Driver("""
                private readonly object _gate = new();

                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public void Dpc(Irql oldIrql)
                {
                    {|#0:lock (_gate)|}
                    {
                        Kernel.KeSetEvent(_event);
                    }
                }
            """);
        var after = Sources.Driver("""
                private readonly object _gate = new();

                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public void Dpc(Irql oldIrql)
                {
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql1);
                    try
                    {
                        Kernel.KeSetEvent(_event);
                    }
                    finally
                    {
                        Kernel.KeReleaseSpinLock(_lock, oldIrql1);
                    }
                }
            """);
        await Verifier.VerifyAsync(before, after, [Ndma1002("lock")], NDMA1002BlockingAtDispatchCodeFixProvider.SpinLockKey + "_lock");
    }

    [Fact]
    public async Task No_spin_lock_fix_is_offered_without_a_KSpinLock_member()
    {
        var source = Sources.Usings + """
            public sealed class Engine
            {
                private readonly object _gate = new();
                private readonly IWdmKernel _kernel;

                public Engine(IWdmKernel kernel) => _kernel = kernel;

                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public void Dpc()
                {
                    {|#0:lock (_gate)|}
                    {
                    }
                }
            }
            """;
        await Verifier.VerifyAsync(source, source, [Ndma1002("lock")]);
    }

    [Fact]
    public async Task A_kernel_wait_at_DISPATCH_LEVEL_becomes_a_poll()
    {
        var before = Sources.Driver("""
                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public NtStatus Dpc() => {|#0:Kernel.KeWaitForSingleObject(_event, Timeout: 10_000)|};
            """);
        var after = Sources.Driver("""
                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public NtStatus Dpc() => Kernel.KeWaitForSingleObject(_event, Timeout: 0);
            """);
        await Verifier.VerifyAsync(before, after, [Ndma1002("KeWaitForSingleObject with a non-zero time-out")], NDMA1002BlockingAtDispatchCodeFixProvider.PollKey);
    }
}
