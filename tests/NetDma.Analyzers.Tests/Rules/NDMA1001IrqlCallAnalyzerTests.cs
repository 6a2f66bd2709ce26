using NetDma.Analyzers.Rules;
using NetDma.Analyzers.Tests.Support;
using Verifier = NetDma.Analyzers.Tests.Support.AnalyzerVerifier<NetDma.Analyzers.Rules.NDMA1001IrqlCallAnalyzer>;

namespace NetDma.Analyzers.Tests.Rules;

/// <summary>NDMA1001: calls at an IRQL the callee's contract does not allow, with the IRQL inferred from contracts, raises and callers.</summary>
public sealed class NDMA1001IrqlCallAnalyzerTests
{
    private const string AllocateOrigin = "ProviderAllocateDmaChannel runs at IRQL <= DISPATCH_LEVEL, nc-netdma-dma_channel_allocate_handler.md";
    private const string RegisterRequirement = "IRQL = PASSIVE_LEVEL (nf-netdma-netdmaregisterprovider.md)";
    private const string SpinLockRaise = "KeAcquireSpinLock raised the IRQL to DISPATCH_LEVEL";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ndma1001(int location, string callee, string requirement, string levels, string paths, string chain, string why) =>
        Verifier.Diagnostic(RuleSource.Ids.CallAtContractIrql).WithLocation(location).WithArguments(callee, requirement, levels, paths, chain, why);

    [Fact]
    public async Task Provider_AllocateDmaChannel_calling_a_PASSIVE_routine_reports_NDMA1001_on_all_paths()
    {
        var source = Sources.Provider("""
                    pProviderChannelContext = null;
                    var status = {|#0:NetDma.NetDmaRegisterProvider(this, out _handle, new NetDmaProviderCharacteristics())|};
                    return status;
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "NetDmaRegisterProvider", RegisterRequirement, "APC_LEVEL..DISPATCH_LEVEL", "all", "", AllocateOrigin));
    }

    [Fact]
    public async Task Provider_AllocateDmaChannel_calling_DISPATCH_routines_is_silent()
    {
        var source = Sources.Provider("""
                    pProviderChannelContext = null;
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    Kernel.KeSetEvent(_event);
                    Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    var block = Kernel.ExAllocatePool2(PoolType.NonPagedPoolNx, 64, 0x52646D4E);
                    return block.IsNull ? NtStatus.STATUS_INSUFFICIENT_RESOURCES : NtStatus.STATUS_SUCCESS;
            """);
        await Verifier.VerifyAsync(source);
    }

    [Fact]
    public async Task KeReleaseSpinLock_without_acquire_in_a_PASSIVE_routine_reports_NDMA1001()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop(Irql saved)
                {
                    {|#0:Kernel.KeReleaseSpinLock(_lock, saved)|};
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "KeReleaseSpinLock", "IRQL = DISPATCH_LEVEL", "PASSIVE_LEVEL", "all", "", "Stop runs at IRQL = PASSIVE_LEVEL"));
    }

    [Fact]
    public async Task Spin_lock_raise_makes_a_PASSIVE_call_report_NDMA1001_on_all_paths_until_the_release()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop()
                {
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    {|#0:NetDma.NetDmaProviderStop(_handle)|};
                    Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    NetDma.NetDmaDeregisterProvider(_handle);
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "NetDmaProviderStop", "IRQL = PASSIVE_LEVEL (nf-netdma-netdmaproviderstop.md)", "DISPATCH_LEVEL", "all", "", SpinLockRaise));
    }

    [Fact]
    public async Task A_release_on_one_branch_reports_the_later_call_on_some_paths()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop(bool ready)
                {
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    if (ready)
                    {
                        Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    }

                    {|#0:NetDma.NetDmaProviderStop(_handle)|};
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "NetDmaProviderStop", "IRQL = PASSIVE_LEVEL (nf-netdma-netdmaproviderstop.md)", "DISPATCH_LEVEL", "some", "", SpinLockRaise));
    }

    /// <summary>
    /// Raise-if/lower-if on the same unmodified boolean: the second <c>if (locked)</c> follows the first, so the release
    /// is seen only on the path that acquired (the classic PREfast complaint, answered). The call between the two is
    /// still at DISPATCH_LEVEL on the path that acquired.
    /// </summary>
    [Fact]
    public async Task A_release_under_the_same_unmodified_boolean_as_the_acquire_is_correlated_with_it()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop(bool locked)
                {
                    var oldIrql = Irql.PASSIVE_LEVEL;
                    if (locked)
                    {
                        Kernel.KeAcquireSpinLock(_lock, out oldIrql);
                    }

                    {|#0:NetDma.NetDmaProviderStop(_handle)|};
                    if (locked)
                    {
                        Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    }
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "NetDmaProviderStop", "IRQL = PASSIVE_LEVEL (nf-netdma-netdmaproviderstop.md)", "DISPATCH_LEVEL", "some", "", SpinLockRaise));
    }

    /// <summary>A negated test correlates too: <c>if (!skip)</c> acquires, <c>if (skip)</c> is the path that did not.</summary>
    [Fact]
    public async Task A_negated_boolean_is_correlated_with_the_plain_one()
    {
        var source = Sources.Driver("""
                private bool _skip;

                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop()
                {
                    var skip = _skip;
                    var oldIrql = Irql.PASSIVE_LEVEL;
                    if (!skip)
                    {
                        Kernel.KeAcquireSpinLock(_lock, out oldIrql);
                    }

                    if (skip)
                    {
                        NetDma.NetDmaProviderStop(_handle);
                    }
                    else
                    {
                        Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    }
                }
            """);
        await Verifier.VerifyAsync(source);
    }

    /// <summary>
    /// A boolean computed by <c>&amp;&amp;</c> (a flow capture in the control-flow graph) and then tested twice is still one
    /// unmodified local: raise-if and lower-if on it are correlated.
    /// </summary>
    [Fact]
    public async Task A_boolean_local_computed_by_a_short_circuit_is_correlated_with_itself()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop(bool started, bool busy)
                {
                    var locked = started && busy;
                    var oldIrql = Irql.PASSIVE_LEVEL;
                    if (locked)
                    {
                        Kernel.KeAcquireSpinLock(_lock, out oldIrql);
                    }

                    if (locked)
                    {
                        Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    }

                    NetDma.NetDmaProviderStop(_handle);
                }
            """);
        await Verifier.VerifyAsync(source);
    }

    /// <summary>
    /// ... but that local is not its operands: <c>locked = started &amp;&amp; busy</c> is false on the path where
    /// <c>started</c> acquired and <c>busy</c> is false, so the release under <c>locked</c> leaves the lock held there
    /// (#0, a real bug). Had the capture been taken for <c>started</c>, both branches would be correlated and nothing
    /// reported. #1 is the flow's known limit: it does not know that <c>locked</c> implies <c>started</c>, so it also
    /// sees a release without the acquire, a path no execution takes.
    /// </summary>
    [Fact]
    public async Task A_short_circuit_result_is_not_correlated_with_its_first_operand()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop(bool started, bool busy)
                {
                    var locked = started && busy;
                    var oldIrql = Irql.PASSIVE_LEVEL;
                    if (started)
                    {
                        Kernel.KeAcquireSpinLock(_lock, out oldIrql);
                    }

                    if (locked)
                    {
                        {|#1:Kernel.KeReleaseSpinLock(_lock, oldIrql)|};
                    }

                    {|#0:NetDma.NetDmaProviderStop(_handle)|};
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "NetDmaProviderStop", "IRQL = PASSIVE_LEVEL (nf-netdma-netdmaproviderstop.md)", "DISPATCH_LEVEL", "some", "", SpinLockRaise),
            Ndma1001(1, "KeReleaseSpinLock", "IRQL = DISPATCH_LEVEL", "PASSIVE_LEVEL", "some", "", "Stop runs at IRQL = PASSIVE_LEVEL"));
    }

    /// <summary>An assignment between the two tests breaks the correlation: both paths reach the release again.</summary>
    [Fact]
    public async Task A_boolean_assigned_between_the_two_branches_is_not_correlated()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop(bool locked, bool later)
                {
                    var oldIrql = Irql.PASSIVE_LEVEL;
                    if (locked)
                    {
                        Kernel.KeAcquireSpinLock(_lock, out oldIrql);
                    }

                    locked = later;
                    if (locked)
                    {
                        {|#0:Kernel.KeReleaseSpinLock(_lock, oldIrql)|};
                    }
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "KeReleaseSpinLock", "IRQL = DISPATCH_LEVEL", "PASSIVE_LEVEL", "some", "", "Stop runs at IRQL = PASSIVE_LEVEL"));
    }

    /// <summary>
    /// A field keeps its correlation across kernel IRQL primitives (they cannot write it) but not across a call of the
    /// driver's own code, which may.
    /// </summary>
    [Fact]
    public async Task A_boolean_field_is_correlated_across_kernel_primitives_but_not_across_other_calls()
    {
        var source = Sources.Driver("""
                private bool _locked;

                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop()
                {
                    var oldIrql = Irql.PASSIVE_LEVEL;
                    if (_locked)
                    {
                        Kernel.KeAcquireSpinLock(_lock, out oldIrql);
                    }

                    if (_locked)
                    {
                        Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    }
                }

                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Restart()
                {
                    var oldIrql = Irql.PASSIVE_LEVEL;
                    if (_locked)
                    {
                        Kernel.KeAcquireSpinLock(_lock, out oldIrql);
                    }

                    Flip();
                    if (_locked)
                    {
                        {|#0:Kernel.KeReleaseSpinLock(_lock, oldIrql)|};
                    }
                }

                private void Flip() => _locked = !_locked;
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "KeReleaseSpinLock", "IRQL = DISPATCH_LEVEL", "PASSIVE_LEVEL", "some", "", "Restart runs at IRQL = PASSIVE_LEVEL"));
    }

    [Fact]
    public async Task KeRaiseIrql_to_a_constant_level_is_tracked_until_KeLowerIrql()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop()
                {
                    Kernel.KeRaiseIrql(Irql.DISPATCH_LEVEL, out var oldIrql);
                    {|#0:NetDma.NetDmaProviderStop(_handle)|};
                    Kernel.KeLowerIrql(oldIrql);
                    NetDma.NetDmaProviderStop(_handle);
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "NetDmaProviderStop", "IRQL = PASSIVE_LEVEL (nf-netdma-netdmaproviderstop.md)", "DISPATCH_LEVEL", "all", "",
                "KeRaiseIrql raised the IRQL to DISPATCH_LEVEL"));
    }

    [Fact]
    public async Task A_release_inside_finally_restores_the_level_for_the_code_after_the_try()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop()
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

                    NetDma.NetDmaProviderStop(_handle);
                }
            """);
        await Verifier.VerifyAsync(source);
    }

    [Fact]
    public async Task A_loop_that_releases_before_each_PASSIVE_call_is_silent()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop(int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                        Kernel.KeSetEvent(_event);
                        Kernel.KeReleaseSpinLock(_lock, oldIrql);
                        NetDma.NetDmaProviderStop(_handle);
                    }
                }
            """);
        await Verifier.VerifyAsync(source);
    }

    [Fact]
    public async Task A_DPC_lambda_runs_at_DISPATCH_LEVEL_from_the_KDeferredRoutine_contract()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Start()
                {
                    Kernel.KeInitializeDpc(_dpc, (dpc, context, argument1, argument2) =>
                    {
                        {|#0:NetDma.NetDmaProviderStop(_handle)|};
                    }, null);
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "NetDmaProviderStop", "IRQL = PASSIVE_LEVEL (nf-netdma-netdmaproviderstop.md)", "DISPATCH_LEVEL", "all", "",
                "KDeferredRoutine runs at IRQL = DISPATCH_LEVEL"));
    }

    [Fact]
    public async Task A_DPC_method_group_runs_at_DISPATCH_LEVEL_from_the_KDeferredRoutine_contract()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Start()
                {
                    Kernel.KeInitializeDpc(_dpc, OnDpc, null);
                }

                private void OnDpc(KDpc Dpc, object? DeferredContext, object? SystemArgument1, object? SystemArgument2)
                {
                    {|#0:NetDma.NetDmaProviderStop(_handle)|};
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "NetDmaProviderStop", "IRQL = PASSIVE_LEVEL (nf-netdma-netdmaproviderstop.md)", "DISPATCH_LEVEL", "all", "",
                "KDeferredRoutine runs at IRQL = DISPATCH_LEVEL"));
    }

    [Fact]
    public async Task A_lambda_assigned_to_a_characteristics_entry_point_runs_under_the_handler_contract()
    {
        var source = Sources.Driver("""
                public NetDmaProviderCharacteristics Characteristics() => new()
                {
                    AllocateDmaChannel = (object context, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? channel) =>
                    {
                        channel = null;
                        {|#0:NetDma.NetDmaProviderStop(_handle)|};
                        return NtStatus.STATUS_UNSUCCESSFUL;
                    },
                };
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "NetDmaProviderStop", "IRQL = PASSIVE_LEVEL (nf-netdma-netdmaproviderstop.md)", "APC_LEVEL..DISPATCH_LEVEL", "all", "", AllocateOrigin));
    }

    [Fact]
    public async Task An_ISR_method_group_runs_at_DIRQL_and_may_call_NetDmaIsr_but_not_NetDmaInterruptDpc()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public NtStatus Start(DeviceObject pdo)
                {
                    var status = Kernel.IoConnectInterruptEx(pdo, OnInterrupt, this, out var interrupt);
                    return status;
                }

                private bool OnInterrupt(KInterrupt Interrupt, object? ServiceContext, uint MessageId)
                {
                    NetDma.NetDmaIsr(default, PhysicalAddress.Null, out var cpu);
                    {|#0:NetDma.NetDmaInterruptDpc(default, null)|};
                    return true;
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "NetDmaInterruptDpc", "IRQL = DISPATCH_LEVEL (nf-netdma-netdmainterruptdpc.md)", "DIRQL", "all", "",
                "KMessageServiceRoutine runs at IRQL = DIRQL"));
    }

    [Fact]
    public async Task A_poll_with_a_zero_time_out_is_allowed_at_DISPATCH_LEVEL_but_not_at_DIRQL()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public void Dpc()
                {
                    Kernel.KeWaitForSingleObject(_event, 0);
                }

                [IrqlRequires(Irql.DIRQL)]
                public void Isr()
                {
                    {|#0:Kernel.KeWaitForSingleObject(_event, 0)|};
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "KeWaitForSingleObject with a zero time-out", "IRQL <= DISPATCH_LEVEL (managing-hardware-priorities.md)", "DIRQL", "all", "",
                "Isr runs at IRQL = DIRQL"));
    }

    /// <summary>The helper chain of the test above, two calls deep from the handler (PrepareChannel, then Disconnect).</summary>
    private static readonly string TwoCallsDeep = Sources.Provider("""
                    pProviderChannelContext = null;
                    {|#0:PrepareChannel()|};
                    return NtStatus.STATUS_SUCCESS;
            """, """
                private void PrepareChannel()
                {
                    Kernel.KeSetEvent(_event);
                    Disconnect();
                }

                private void Disconnect()
                {
                    Kernel.IoDisconnectInterruptEx(_interrupt);
                }
            """);

    [Fact]
    public async Task A_chain_deeper_than_the_editorconfig_max_call_depth_is_not_followed()
    {
        await Verifier.VerifyAsync([TwoCallsDeep], "root = true\n\n[*.cs]\nnetdma_analyzers.max_call_depth = 1\n");
    }

    [Fact]
    public async Task A_chain_within_the_editorconfig_max_call_depth_is_reported()
    {
        await Verifier.VerifyAsync([TwoCallsDeep], "root = true\n\n[*.cs]\nnetdma_analyzers.max_call_depth = 2\n",
            Ndma1001(0, "IoDisconnectInterruptEx", "IRQL = PASSIVE_LEVEL", "APC_LEVEL..DISPATCH_LEVEL", "all",
                " through AllocateDmaChannel -> PrepareChannel -> Disconnect -> IoDisconnectInterruptEx", AllocateOrigin));
    }

    [Fact]
    public async Task A_malformed_max_call_depth_keeps_the_default_depth()
    {
        await Verifier.VerifyAsync([TwoCallsDeep], "root = true\n\n[*.cs]\nnetdma_analyzers.max_call_depth = zero\n",
            Ndma1001(0, "IoDisconnectInterruptEx", "IRQL = PASSIVE_LEVEL", "APC_LEVEL..DISPATCH_LEVEL", "all",
                " through AllocateDmaChannel -> PrepareChannel -> Disconnect -> IoDisconnectInterruptEx", AllocateOrigin));
    }

    [Fact]
    public async Task A_private_helper_chain_is_reported_at_the_call_in_the_handler_with_the_chain()
    {
        var source = Sources.Provider("""
                    pProviderChannelContext = null;
                    {|#0:PrepareChannel()|};
                    return NtStatus.STATUS_SUCCESS;
            """, """
                private void PrepareChannel()
                {
                    Kernel.KeSetEvent(_event);
                    Disconnect();
                }

                private void Disconnect()
                {
                    Kernel.IoDisconnectInterruptEx(_interrupt);
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "IoDisconnectInterruptEx", "IRQL = PASSIVE_LEVEL", "APC_LEVEL..DISPATCH_LEVEL", "all",
                " through AllocateDmaChannel -> PrepareChannel -> Disconnect -> IoDisconnectInterruptEx", AllocateOrigin));
    }

    [Fact]
    public async Task A_helper_called_under_a_spin_lock_in_one_branch_reports_on_some_paths()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop(bool locked)
                {
                    if (locked)
                    {
                        Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                        {|#0:Disconnect()|};
                        Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    }
                    else
                    {
                        Disconnect();
                    }
                }

                private void Disconnect()
                {
                    if (_handle.Value != 0)
                    {
                        Kernel.IoDisconnectInterruptEx(_interrupt);
                    }
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "IoDisconnectInterruptEx", "IRQL = PASSIVE_LEVEL", "DISPATCH_LEVEL", "all", " through Stop -> Disconnect -> IoDisconnectInterruptEx", SpinLockRaise));
    }

    [Fact]
    public async Task A_helper_reached_with_and_without_the_lock_on_merging_paths_reports_on_some_paths()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Stop(bool ready)
                {
                    Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
                    if (ready)
                    {
                        Kernel.KeReleaseSpinLock(_lock, oldIrql);
                    }

                    {|#0:Disconnect()|};
                }

                private void Disconnect() => Kernel.IoDisconnectInterruptEx(_interrupt);
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "IoDisconnectInterruptEx", "IRQL = PASSIVE_LEVEL", "DISPATCH_LEVEL", "some", " through Stop -> Disconnect -> IoDisconnectInterruptEx", SpinLockRaise));
    }

    [Fact]
    public async Task A_local_function_inherits_the_IRQL_of_its_caller()
    {
        var source = Sources.Provider("""
                    pProviderChannelContext = null;
                    {|#0:Disconnect()|};
                    return NtStatus.STATUS_SUCCESS;

                    void Disconnect() => Kernel.IoDisconnectInterruptEx(_interrupt);
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "IoDisconnectInterruptEx", "IRQL = PASSIVE_LEVEL", "APC_LEVEL..DISPATCH_LEVEL", "all",
                " through AllocateDmaChannel -> Disconnect -> IoDisconnectInterruptEx", AllocateOrigin));
    }

    [Fact]
    public async Task A_lambda_passed_to_a_call_inherits_the_IRQL_where_it_is_created()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public void Dpc(KInterrupt[] interrupts)
                {
                    Array.ForEach(interrupts, {|#0:interrupt =>|} Kernel.IoDisconnectInterruptEx(interrupt));
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "IoDisconnectInterruptEx", "IRQL = PASSIVE_LEVEL", "DISPATCH_LEVEL", "all",
                " through Dpc -> lambda -> IoDisconnectInterruptEx", "Dpc runs at IRQL = DISPATCH_LEVEL"));
    }

    [Fact]
    public async Task A_public_method_without_a_contract_does_not_inherit_from_its_callers()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public void Dpc() => Disconnect();

                public void Disconnect() => Kernel.IoDisconnectInterruptEx(_interrupt);
            """);
        await Verifier.VerifyAsync(source);
    }

    [Fact]
    public async Task Code_with_no_known_IRQL_is_silent()
    {
        var source = Sources.Driver("""
                public void Anything()
                {
                    NetDma.NetDmaProviderStop(_handle);
                    Kernel.KeSetEvent(_event);
                }
            """);
        await Verifier.VerifyAsync(source);
    }

    [Fact]
    public async Task Partial_class_parts_share_one_call_graph()
    {
        var handlers = Sources.Provider("""
                    pProviderChannelContext = null;
                    {|#0:Reset()|};
                    return NtStatus.STATUS_SUCCESS;
            """);
        var helpers = Sources.Usings + """
            public sealed partial class Provider
            {
                private void Reset() => NetDma.NetDmaProviderStop(_handle);
            }
            """;
        await Verifier.VerifyAsync([handlers, helpers],
            Ndma1001(0, "NetDmaProviderStop", "IRQL = PASSIVE_LEVEL (nf-netdma-netdmaproviderstop.md)", "APC_LEVEL..DISPATCH_LEVEL", "all",
                " through AllocateDmaChannel -> Reset -> NetDmaProviderStop", AllocateOrigin));
    }

    [Fact]
    public async Task Generated_code_is_not_analyzed()
    {
        var source = "// <auto-generated/>\n" + Sources.Driver("""
                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public void Dpc() => NetDma.NetDmaProviderStop(_handle);
            """);
        await Verifier.VerifyAsync(source);
    }

    [Fact]
    public async Task A_local_function_given_to_KeInitializeDpc_runs_at_DISPATCH_LEVEL()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Start()
                {
                    Kernel.KeInitializeDpc(_dpc, Deferred, null);

                    void Deferred(KDpc Dpc, object? DeferredContext, object? SystemArgument1, object? SystemArgument2) =>
                        {|#0:NetDma.NetDmaProviderStop(_handle)|};
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "NetDmaProviderStop", "IRQL = PASSIVE_LEVEL (nf-netdma-netdmaproviderstop.md)", "DISPATCH_LEVEL", "all", "",
                "KDeferredRoutine runs at IRQL = DISPATCH_LEVEL"));
    }

    [Fact]
    public async Task A_recursive_helper_is_followed_once()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.DISPATCH_LEVEL)]
                public void Dpc() => {|#0:Drain(3)|};

                private void Drain(int remaining)
                {
                    if (remaining > 0)
                    {
                        Drain(remaining - 1);
                    }

                    Kernel.IoDisconnectInterruptEx(_interrupt);
                }
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "IoDisconnectInterruptEx", "IRQL = PASSIVE_LEVEL", "DISPATCH_LEVEL", "all", " through Dpc -> Drain -> IoDisconnectInterruptEx",
                "Dpc runs at IRQL = DISPATCH_LEVEL"));
    }

    [Fact]
    public async Task A_minimum_IRQL_is_checked_too()
    {
        var source = Sources.Driver("""
                [IrqlRequires(Irql.PASSIVE_LEVEL)]
                public void Start()
                {
                    {|#0:Complete()|};
                    Kernel.KeRaiseIrql(Irql.DISPATCH_LEVEL, out var oldIrql);
                    Complete();
                    Kernel.KeLowerIrql(oldIrql);
                }

                [IrqlRequiresMin(Irql.APC_LEVEL)]
                private void Complete() => _handle = default;
            """);
        await Verifier.VerifyAsync(source,
            Ndma1001(0, "Complete", "IRQL >= APC_LEVEL", "PASSIVE_LEVEL", "all", "", "Start runs at IRQL = PASSIVE_LEVEL"));
    }
}
