using NetDma.Analyzers.Tests.Support;
using Verifier = NetDma.Analyzers.Tests.Support.AnalyzerVerifier<NetDma.Analyzers.Rules.NDMA1004IrqlBalanceAnalyzer>;

namespace NetDma.Analyzers.Tests.Rules;

/// <summary>NDMA1004 (raise up, lower down, restore only a saved IRQL) and NDMA1005 (exit at the entry IRQL).</summary>
public sealed class NDMA1004IrqlBalanceAnalyzerTests
{
    private const string Page = "irql-annotations-for-drivers.md";
    private const string SpinLockRaise = "KeAcquireSpinLock raised the IRQL to DISPATCH_LEVEL";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ndma1005(int location, string function, string levels, string paths, string entered, string why) =>
        Verifier.Diagnostic(RuleSource.Ids.ReturnAtEntryIrql).WithLocation(location).WithArguments(function, levels, paths, entered, why);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ndma1004(int location, string what, string problem, string paths, string why) =>
        Verifier.Diagnostic(RuleSource.Ids.RaiseUpLowerDown).WithLocation(location).WithArguments(what, problem, paths, why);

    [Fact]
    public async Task A_spin_lock_released_on_one_branch_only_reports_NDMA1005_on_some_paths()
    {
        await Verifier.VerifyAsync(ReleasedOnOneBranch,
            Ndma1005(0, "AllocateDmaChannel", "DISPATCH_LEVEL", "some", "IRQL <= DISPATCH_LEVEL", $"{SpinLockRaise}; {Page}"));
    }

    /// <summary>A handler that releases its spin lock on one branch only.</summary>
    private static readonly string ReleasedOnOneBranch = Sources.Provider("""
                    pProviderChannelContext = null;
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    if (ChannelParameters.CpuNumber == 0)
                    {
                        return NtStatus.STATUS_UNSUCCESSFUL;
                    }

                    Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    return NtStatus.STATUS_SUCCESS;
            """).Replace("public NtStatus AllocateDmaChannel(", "public NtStatus {|#0:AllocateDmaChannel|}(");

    /// <summary>
    /// The IRQL analysis runs on the shared flow driver and stops at its budgets: a function with more (block, path)
    /// pairs than <c>max_path_states</c> is not analyzed (no verdict rests on a path left out); within it, it is.
    /// </summary>
    [Fact]
    public async Task A_function_beyond_the_editorconfig_max_path_states_is_not_analyzed()
    {
        await Verifier.VerifyAsync([ReleasedOnOneBranch], "root = true\n\n[*.cs]\nnetdma_analyzers.max_path_states = 3\n");
    }

    [Fact]
    public async Task A_function_within_the_editorconfig_max_path_states_is_analyzed()
    {
        await Verifier.VerifyAsync([ReleasedOnOneBranch], "root = true\n\n[*.cs]\nnetdma_analyzers.max_path_states = 64\n",
            Ndma1005(0, "AllocateDmaChannel", "DISPATCH_LEVEL", "some", "IRQL <= DISPATCH_LEVEL", $"{SpinLockRaise}; {Page}"));
    }

    /// <summary>
    /// Past <c>max_flow_visits_per_block</c> the IRQL analysis merges the paths reaching a block instead of giving up: the
    /// early return under <c>a</c> still exits with the spin lock held, now on "some" paths only (a merged path never
    /// justifies "all"). The path explorer, which does not merge constants, leaves such a routine alone instead.
    /// </summary>
    [Fact]
    public async Task Past_the_editorconfig_max_flow_visits_per_block_the_IRQL_paths_are_merged_and_still_reported()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void {|#0:Stop|}(bool a, bool b)
                {
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    if (a)
                    {
                        Kernel.KeSetEvent(_event);
                    }

                    if (b)
                    {
                        Kernel.KeSetEvent(_event);
                    }

                    if (a)
                    {
                        return;
                    }

                    Kernel.KeReleaseSpinLock(_lock, oldIrql);
                }
            """);
        var expected = Ndma1005(0, "Stop", "DISPATCH_LEVEL", "some", "IRQL = PASSIVE_LEVEL", $"{SpinLockRaise}; {Page}");
        await Verifier.VerifyAsync([source], "root = true\n\n[*.cs]\nnetdma_analyzers.max_flow_visits_per_block = 1\n", expected);
        await Verifier.VerifyAsync([source], expected);
    }

    /// <summary>Raise-if/lower-if on one unmodified boolean exits at the entry IRQL on every path: no NDMA1005.</summary>
    [Fact]
    public async Task A_raise_and_a_lower_under_the_same_boolean_are_balanced()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop(bool raise)
                {
                    var oldIrql = Irql.PASSIVE_LEVEL;
                    if (raise)
                    {
                        Kernel.KeRaiseIrql(Irql.DISPATCH_LEVEL, out oldIrql);
                    }

                    Kernel.KeSetEvent(_event);
                    if (raise)
                    {
                        Kernel.KeLowerIrql(oldIrql);
                    }
                }
            """);
        await Verifier.VerifyAsync(source);
    }

    /// <summary>
    /// The same shape with the lower under another boolean: the raise is unbalanced on some paths (NDMA1005) and the
    /// lower restores a level nothing saved on others (NDMA1004).
    /// </summary>
    [Fact]
    public async Task A_lower_under_another_boolean_than_the_raise_reports_NDMA1005_on_some_paths()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void {|#0:Stop|}(bool raise, bool lower)
                {
                    var oldIrql = Irql.PASSIVE_LEVEL;
                    if (raise)
                    {
                        Kernel.KeRaiseIrql(Irql.DISPATCH_LEVEL, out oldIrql);
                    }

                    if (lower)
                    {
                        {|#1:Kernel.KeLowerIrql(oldIrql)|};
                    }
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1005(0, "Stop", "DISPATCH_LEVEL", "some", "IRQL = PASSIVE_LEVEL", $"KeRaiseIrql raised the IRQL to DISPATCH_LEVEL; {Page}"),
            Ndma1004(1, "KeLowerIrql", "restores oldIrql, which no [IrqlSaves] parameter saved,", "some", Page));
    }

    [Fact]
    public async Task A_spin_lock_never_released_reports_NDMA1005_on_all_paths()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void {|#0:Stop|}()
                {
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    Kernel.KeSetEvent(_event);
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1005(0, "Stop", "DISPATCH_LEVEL", "all", "IRQL = PASSIVE_LEVEL", $"{SpinLockRaise}; {Page}"));
    }

    [Fact]
    public async Task A_throw_with_the_spin_lock_held_reports_NDMA1005_at_the_throw()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop(bool broken)
                {
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    if (broken)
                    {
                        {|#0:throw new InvalidOperationException("channel table corrupted");|}
                    }

                    Kernel.KeReleaseSpinLock(_lock, oldIrql);
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1005(0, "Stop (throwing here)", "DISPATCH_LEVEL", "all", "IRQL = PASSIVE_LEVEL", $"{SpinLockRaise}; {Page}"));
    }

    [Fact]
    public async Task A_throw_after_the_release_or_under_a_finally_that_releases_is_silent()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop(bool broken)
                {
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    if (broken)
                    {
                        throw new InvalidOperationException("channel table corrupted");
                    }
                }

                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Restart(bool broken)
                {
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    try
                    {
                        if (broken)
                        {
                            throw new InvalidOperationException("channel table corrupted");
                        }
                    }
                    finally
                    {
                        Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    }
                }
            """);
        await Verifier.VerifyAsync(source);
    }

    /// <summary>
    /// A catch handler starts with the state before each call of its try block that may throw: entered from
    /// <c>KeSetEvent</c>, it runs with the spin lock still held. One that falls through to the release is balanced.
    /// </summary>
    [Fact]
    public async Task A_catch_entered_while_a_spin_lock_is_held_reports_NDMA1005_unless_it_reaches_the_release()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void {|#0:Stop|}()
                {
                    try
                    {
                        Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                        Kernel.KeSetEvent(_event);
                        Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    }
                    catch (InvalidOperationException)
                    {
                    }
                }

                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Restart()
                {
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    try
                    {
                        Kernel.KeSetEvent(_event);
                    }
                    catch (InvalidOperationException)
                    {
                    }

                    Kernel.KeReleaseSpinLock(_lock, oldIrql);
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1005(0, "Stop", "DISPATCH_LEVEL", "some", "IRQL = PASSIVE_LEVEL", $"{SpinLockRaise}; {Page}"));
    }

    [Fact]
    public async Task Balanced_raises_and_releases_in_finally_are_silent()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop(bool early)
                {
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    try
                    {
                        if (early)
                        {
                            return;
                        }

                        Kernel.KeSetEvent(_event);
                    }
                    finally
                    {
                        Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    }

                    Kernel.KeRaiseIrql(Irql.DISPATCH_LEVEL, out var before);
                    Kernel.KeLowerIrql(before);
                }

                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public void Dpc()
                {
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    Kernel.KeAcquireSpinLock(_lock, out var inner);
                    Kernel.KeReleaseSpinLock(_lock, inner);
                    Kernel.KeReleaseSpinLock(_lock, oldIrql);
                }
            """);
        await Verifier.VerifyAsync(source);
    }

    [Fact]
    public async Task A_helper_that_declares_IrqlRaises_may_return_raised_but_an_unannotated_one_reports_NDMA1005()
    {
        var source = Sources.Driver("""
                private Irql _saved;

                [IrqlRaises(Irql.DISPATCH_LEVEL)]
                private void Lock() => Kernel.KeAcquireSpinLock(_lock, out _saved);

                private void Unlock([IrqlRestores] Irql saved) => Kernel.KeReleaseSpinLock(_lock, saved);

                private void {|#0:LockQuietly|}() => Kernel.KeAcquireSpinLock(_lock, out _saved);
            """);
        await Verifier.VerifyAsync(source,
            Ndma1005(0, "LockQuietly", "DISPATCH_LEVEL", "all", "its caller's IRQL", $"{SpinLockRaise}; {Page}"));
    }

    [Fact]
    public async Task Restoring_a_constant_or_a_never_saved_local_reports_NDMA1004()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop()
                {
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    {|#0:Kernel.KeReleaseSpinLock(_lock, Irql.PASSIVE_LEVEL)|};
                }

                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Start()
                {
                    var guess = Irql.PASSIVE_LEVEL;
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    {|#1:Kernel.KeReleaseSpinLock(_lock, guess)|};
                }

                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Maybe(bool locked)
                {
                    var oldIrql = Irql.PASSIVE_LEVEL;
                    if (locked)
                    {
                        Kernel.KeAcquireSpinLock(_lock, out oldIrql);
                    }

                    {|#2:Kernel.KeReleaseSpinLock(_lock, oldIrql)|};
                }

                public void FromCaller(Irql saved) => Kernel.KeReleaseSpinLock(_lock, saved);
            """);
        await Verifier.VerifyAsync(source,
            Ndma1004(0, "KeReleaseSpinLock", "restores the constant PASSIVE_LEVEL, which no [IrqlSaves] parameter saved,", "all", Page),
            Ndma1004(1, "KeReleaseSpinLock", "restores guess, which no [IrqlSaves] parameter saved,", "all", Page),
            Ndma1004(2, "KeReleaseSpinLock", "restores oldIrql, which no [IrqlSaves] parameter saved,", "some", Page));
    }

    [Fact]
    public async Task KeRaiseIrql_below_the_current_level_and_KeLowerIrql_above_it_report_NDMA1004()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public void Dpc()
                {
                    {|#0:Kernel.KeRaiseIrql(Irql.APC_LEVEL, out var oldIrql)|};
                    Kernel.KeLowerIrql(oldIrql);
                }

                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void {|#2:Stop|}()
                {
                    {|#1:Kernel.KeLowerIrql(Irql.DISPATCH_LEVEL)|};
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1004(0, "KeRaiseIrql to APC_LEVEL", "would lower the IRQL from DISPATCH_LEVEL", "all", $"Dpc runs at IRQL = DISPATCH_LEVEL; {Page}"),
            Ndma1004(1, "KeLowerIrql to DISPATCH_LEVEL", "would raise the IRQL from PASSIVE_LEVEL", "all", $"Stop runs at IRQL = PASSIVE_LEVEL; {Page}"),
            Ndma1005(2, "Stop", "DISPATCH_LEVEL", "all", "IRQL = PASSIVE_LEVEL", $"KeLowerIrql set the IRQL to DISPATCH_LEVEL; {Page}"));
    }

    [Fact]
    public async Task A_DPC_lambda_that_keeps_a_spin_lock_reports_NDMA1005_at_the_lambda()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Start()
                {
                    Kernel.KeInitializeDpc(_dpc, {|#0:(dpc, context, argument1, argument2) =>|}
                    {
                        Kernel.KeRaiseIrql(Irql.HIGH_LEVEL, out var oldIrql);
                    }, null);
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1005(0, "lambda", "HIGH_LEVEL", "all", "IRQL = DISPATCH_LEVEL", $"KeRaiseIrql raised the IRQL to HIGH_LEVEL; {Page}"));
    }
}
