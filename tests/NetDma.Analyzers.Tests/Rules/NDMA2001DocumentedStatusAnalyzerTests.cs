using NetDma.Analyzers.Rules;
using NetDma.Analyzers.Tests.Support;
using Verify = NetDma.Analyzers.Tests.Support.AnalyzerVerifier<NetDma.Analyzers.Rules.NDMA2001DocumentedStatusAnalyzer>;

namespace NetDma.Analyzers.Tests.Rules;

/// <summary>NDMA2001: a callback returns only statuses its page documents (constants through locals and conditionals).</summary>
public sealed class NDMA2001DocumentedStatusAnalyzerTests
{
    private const string AllocateDocumented = "STATUS_SUCCESS, STATUS_INSUFFICIENT_RESOURCES, STATUS_UNSUCCESSFUL (nc-netdma-dma_channel_allocate_handler.md)";
    private const string StartDocumented = "STATUS_SUCCESS, STATUS_INSUFFICIENT_RESOURCES, STATUS_UNSUCCESSFUL (nc-netdma-dma_start_handler.md)";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ndma2001(int location, string role, string status, string paths, string documented) =>
        Verify.Diagnostic(RuleSource.Ids.DocumentedStatusOnly).WithLocation(location).WithArguments(role, status, paths, documented);

    [Fact]
    public async Task Undocumented_status_returned_directly_reports_NDMA2001_at_the_constant()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    if (ChannelParameters.ProcessorAffinityMask == 0)
                    {
                        return {|#0:NtStatus.STATUS_NOT_SUPPORTED|};
                    }

                    ChannelParameters.CpuNumber = 0;
                    return NtStatus.STATUS_SUCCESS;
            """);
        await Verify.VerifyAsync(source, Ndma2001(0, "ProviderAllocateDmaChannel", "STATUS_NOT_SUPPORTED (0xC00000BB)", "some", AllocateDocumented));
    }

    [Fact]
    public async Task Undocumented_status_flowing_through_a_local_reports_NDMA2001_at_the_assignment()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    var status = NtStatus.STATUS_SUCCESS;
                    if (ChannelParameters.ProcessorAffinityMask == 0)
                    {
                        status = {|#0:NtStatus.STATUS_INVALID_PARAMETER|};
                    }

                    ChannelParameters.CpuNumber = 0;
                    return status;
            """);
        await Verify.VerifyAsync(source, Ndma2001(0, "ProviderAllocateDmaChannel", "STATUS_INVALID_PARAMETER (0xC000000D)", "some", AllocateDocumented));
    }

    [Fact]
    public async Task A_static_readonly_field_with_a_constant_initializer_is_followed()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    ChannelParameters.CpuNumber = 0;
                    return ChannelParameters.Flags == 0 ? Ok : {|#0:Cancelled|};
            """, """
                private static readonly NtStatus Cancelled = NtStatus.STATUS_CANCELLED;
                private static readonly NtStatus Ok = NtStatus.STATUS_SUCCESS;
            """);
        await Verify.VerifyAsync(source, Ndma2001(0, "ProviderAllocateDmaChannel", "STATUS_CANCELLED (0xC0000120)", "some", AllocateDocumented));
    }

    [Fact]
    public async Task A_static_readonly_field_a_static_constructor_may_set_is_not_followed()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    ChannelParameters.CpuNumber = 0;
                    return Cancelled;
            """, """
                private static readonly NtStatus Cancelled = NtStatus.STATUS_CANCELLED;

                static Provider() => Cancelled = NtStatus.STATUS_INSUFFICIENT_RESOURCES;
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_local_overwritten_before_the_return_stays_silent()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    var status = NtStatus.STATUS_NOT_SUPPORTED;
                    status = NtStatus.STATUS_SUCCESS;
                    ChannelParameters.CpuNumber = 0;
                    return status;
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_local_written_through_a_ref_alias_is_not_tracked()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    var status = NtStatus.STATUS_NOT_SUPPORTED;
                    ref var alias = ref status;
                    alias = NtStatus.STATUS_SUCCESS;
                    ChannelParameters.CpuNumber = 0;
                    return status;
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_branch_the_constants_decide_is_not_followed()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    var status = ChannelParameters.Flags == 0 ? NtStatus.STATUS_SUCCESS : NtStatus.STATUS_NOT_SUPPORTED;
                    if (status == NtStatus.STATUS_NOT_SUPPORTED)
                    {
                        status = NtStatus.STATUS_UNSUCCESSFUL;
                    }

                    if (!NtStatusFacts.NT_SUCCESS(status))
                    {
                        return status;
                    }

                    ChannelParameters.CpuNumber = 0;
                    return status;
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Conditional_expression_reports_only_the_undocumented_branch()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    ChannelParameters.CpuNumber = 0;
                    return ChannelParameters.Flags == 0 ? NtStatus.STATUS_SUCCESS : {|#0:NtStatus.STATUS_PENDING|};
            """);
        await Verify.VerifyAsync(source, Ndma2001(0, "ProviderAllocateDmaChannel", "STATUS_PENDING (0x00000103)", "some", AllocateDocumented));
    }

    [Fact]
    public async Task Switch_expression_arms_and_casts_of_constants_are_followed()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    ChannelParameters.CpuNumber = 0;
                    var status = ChannelParameters.ChannelPriority switch
                    {
                        0 => NtStatus.STATUS_SUCCESS,
                        1 => {|#0:(NtStatus)unchecked((int)0xC0000017)|},
                        _ => {|#1:NtStatus.STATUS_DEVICE_NOT_READY|},
                    };
                    return status;
            """);
        await Verify.VerifyAsync(
            source,
            Ndma2001(0, "ProviderAllocateDmaChannel", "0xC0000017", "some", AllocateDocumented),
            Ndma2001(1, "ProviderAllocateDmaChannel", "STATUS_DEVICE_NOT_READY (0xC00000A3)", "some", AllocateDocumented));
    }

    [Fact]
    public async Task A_handler_that_only_returns_an_undocumented_status_says_all_paths()
    {
        var source = ProviderSource.Usings + $$"""
            public sealed class Provider : INetDmaProvider
            {
                public NtStatus AllocateDmaChannel(object ProviderContext, NetDmaChannelParameters ChannelParameters, NetDmaChannelHandle NetDmaChannelHandle, out object? pProviderChannelContext)
                {
                    pProviderChannelContext = null;
                    return {|#0:NtStatus.STATUS_NOT_IMPLEMENTED|};
                }

            {{ProviderSource.OtherHandlers}}
            }
            """;
        await Verify.VerifyAsync(source, Ndma2001(0, "ProviderAllocateDmaChannel", "STATUS_NOT_IMPLEMENTED (0xC0000002)", "all", AllocateDocumented));
    }

    [Fact]
    public async Task Documented_statuses_and_statuses_returned_by_calls_stay_silent()
    {
        var source = ProviderSource.WithAllocate(
            """
                    pProviderChannelContext = null;
                    if (ChannelParameters.Flags != 0)
                    {
                        return NtStatus.STATUS_UNSUCCESSFUL;
                    }

                    if (ChannelParameters.ProcessorAffinityMask == 0)
                    {
                        return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
                    }

                    var status = Helper();
                    if (!NtStatusFacts.NT_SUCCESS(status))
                    {
                        return status;
                    }

                    pProviderChannelContext = new object();
                    ChannelParameters.CpuNumber = 0;
                    return NtStatus.STATUS_SUCCESS;
            """,
            "    private static NtStatus Helper() => NtStatus.STATUS_NOT_SUPPORTED;");
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Explicit_interface_implementation_in_a_partial_class_reports_NDMA2001()
    {
        var first = ProviderSource.Usings + """
            public sealed partial class Provider
            {
                NtStatus INetDmaProvider.StartDma(object ProviderChannelContext, VirtualAddress DescriptorVirtualAddress, PhysicalAddress DescriptorPhysicalAddress, uint DescriptorCount) =>
                    DescriptorCount == 0 ? {|#0:NtStatus.STATUS_INVALID_PARAMETER|} : NtStatus.STATUS_SUCCESS;
            }
            """;
        var second = ProviderSource.Usings + """
            public sealed partial class Provider : INetDmaProvider
            {
                public NtStatus AllocateDmaChannel(object ProviderContext, NetDmaChannelParameters ChannelParameters, NetDmaChannelHandle NetDmaChannelHandle, out object? pProviderChannelContext)
                {
                    pProviderChannelContext = new object();
                    ChannelParameters.CpuNumber = 0;
                    return NtStatus.STATUS_SUCCESS;
                }

                public NtStatus SetDmaChannelCpuAffinity(object ProviderContext, NetDmaChannelCpuAffinity[] CpuAffinityArray, uint CpuAffinityArraySize) => NtStatus.STATUS_SUCCESS;
                public void FreeDmaChannel(object ProviderChannelContext) { }
                public NtStatus SuspendDma(object ProviderChannelContext, out PhysicalAddress pLastDescriptor) { pLastDescriptor = PhysicalAddress.Null; return NtStatus.STATUS_SUCCESS; }
                public NtStatus ResumeDma(object ProviderChannelContext) => NtStatus.STATUS_SUCCESS;
                public NtStatus AbortDma(object ProviderChannelContext) => NtStatus.STATUS_SUCCESS;
                public NtStatus AppendDma(object ProviderChannelContext, VirtualAddress DescriptorVirtualAddress, PhysicalAddress DescriptorPhysicalAddress, uint DescriptorCount) => NtStatus.STATUS_SUCCESS;
                public NtStatus ResetChannel(object ProviderChannelContext) => NtStatus.STATUS_SUCCESS;
            }
            """;
        await Verify.VerifyAsync([first, second], Ndma2001(0, "ProviderStartDma", "STATUS_INVALID_PARAMETER (0xC000000D)", "some", StartDocumented));
    }

    [Fact]
    public async Task Lambda_converted_to_a_contract_delegate_reports_NDMA2001()
    {
        var source = ProviderSource.Usings + """
            public static class Handlers
            {
                public static DmaStartHandler Start { get; } = (context, virtualAddress, physicalAddress, count) =>
                {
                    if (count == 0)
                    {
                        return {|#0:NtStatus.STATUS_BUFFER_TOO_SMALL|};
                    }

                    return NtStatus.STATUS_SUCCESS;
                };
            }
            """;
        await Verify.VerifyAsync(source, Ndma2001(0, "ProviderStartDma", "STATUS_BUFFER_TOO_SMALL (0xC0000023)", "some", StartDocumented));
    }

    [Fact]
    public async Task Method_group_converted_to_a_contract_delegate_reports_NDMA2001()
    {
        var source = ProviderSource.Usings + """
            public static class Handlers
            {
                public static DmaStartHandler Create() => new DmaStartHandler(Start);

                private static NtStatus Start(object context, VirtualAddress virtualAddress, PhysicalAddress physicalAddress, uint count) =>
                    count == 0 ? {|#0:NtStatus.STATUS_CANCELLED|} : NtStatus.STATUS_SUCCESS;
            }
            """;
        await Verify.VerifyAsync(source, Ndma2001(0, "ProviderStartDma", "STATUS_CANCELLED (0xC0000120)", "some", StartDocumented));
    }

    [Fact]
    public async Task Local_function_converted_to_a_contract_delegate_reports_NDMA2001()
    {
        var source = ProviderSource.Usings + """
            public static class Handlers
            {
                public static DmaStartHandler Create()
                {
                    return Start;

                    static NtStatus Start(object context, VirtualAddress virtualAddress, PhysicalAddress physicalAddress, uint count)
                    {
                        var status = {|#0:NtStatus.STATUS_TIMEOUT|};
                        return status;
                    }
                }
            }
            """;
        await Verify.VerifyAsync(source, Ndma2001(0, "ProviderStartDma", "STATUS_TIMEOUT (0x00000102)", "all", StartDocumented));
    }

    [Fact]
    public async Task A_return_in_a_catch_block_is_analyzed()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = null;
                    try
                    {
                        pProviderChannelContext = new object();
                        ChannelParameters.CpuNumber = checked(ChannelParameters.ProcessorAffinityMask - 1);
                    }
                    catch (OverflowException)
                    {
                        return {|#0:NtStatus.STATUS_INVALID_PARAMETER|};
                    }

                    return NtStatus.STATUS_SUCCESS;
            """);
        await Verify.VerifyAsync(source, Ndma2001(0, "ProviderAllocateDmaChannel", "STATUS_INVALID_PARAMETER (0xC000000D)", "some", AllocateDocumented));
    }

    [Fact]
    public async Task A_catch_block_sees_the_status_assigned_before_the_call_that_throws()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    var status = NtStatus.STATUS_NOT_SUPPORTED;
                    try
                    {
                        status = NtStatus.STATUS_UNSUCCESSFUL;
                        ChannelParameters.CpuNumber = checked(ChannelParameters.ProcessorAffinityMask - 1);
                        status = NtStatus.STATUS_SUCCESS;
                    }
                    catch (OverflowException)
                    {
                        return status;
                    }

                    return status;
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Constants_are_followed_around_loops()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    var status = NtStatus.STATUS_INSUFFICIENT_RESOURCES;
                    var mask = ChannelParameters.ProcessorAffinityMask;
                    while (mask != 0)
                    {
                        if ((mask & 1) != 0)
                        {
                            status = {|#0:NtStatus.STATUS_PENDING|};
                        }

                        mask >>= 1;
                    }

                    ChannelParameters.CpuNumber = 0;
                    return status;
            """);
        await Verify.VerifyAsync(source, Ndma2001(0, "ProviderAllocateDmaChannel", "STATUS_PENDING (0x00000103)", "some", AllocateDocumented));
    }

    [Fact]
    public async Task A_routine_whose_finally_block_changes_the_status_is_not_analyzed()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    var status = NtStatus.STATUS_NOT_SUPPORTED;
                    try
                    {
                        ChannelParameters.CpuNumber = 0;
                        return status;
                    }
                    finally
                    {
                        status = NtStatus.STATUS_SUCCESS;
                    }
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Methods_without_a_status_contract_stay_silent()
    {
        var source = ProviderSource.Usings + """
            public static class Helpers
            {
                public static NtStatus Check(int value) => value == 0 ? NtStatus.STATUS_NOT_SUPPORTED : NtStatus.STATUS_PENDING;

                public static Func<NtStatus> Deferred { get; } = () => NtStatus.STATUS_CANCELLED;
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Generated_code_is_not_analyzed()
    {
        var source = "// <auto-generated/>\n" + ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    ChannelParameters.CpuNumber = 0;
                    return NtStatus.STATUS_NOT_SUPPORTED;
            """);
        await Verify.VerifyAsync(source);
    }
}
