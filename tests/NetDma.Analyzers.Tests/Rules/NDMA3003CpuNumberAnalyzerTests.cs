using NetDma.Analyzers.Tests.Support;
using Verify = NetDma.Analyzers.Tests.Support.AnalyzerVerifier<NetDma.Analyzers.Rules.NDMA3003CpuNumberAnalyzer>;

namespace NetDma.Analyzers.Tests.Rules;

/// <summary>NDMA3003: every success path of ProviderAllocateDmaChannel writes ChannelParameters.CpuNumber.</summary>
public sealed class NDMA3003CpuNumberAnalyzerTests
{
    private const string Page = "nc-netdma-dma_channel_allocate_handler.md";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ndma3003(int location, string status, string parameter, string paths) =>
        Verify.Diagnostic(RuleSource.Ids.CpuNumberReported).WithLocation(location)
            .WithArguments("ProviderAllocateDmaChannel", status, parameter + ".CpuNumber", paths, Page);

    [Fact]
    public async Task Success_without_a_CpuNumber_write_reports_NDMA3003_on_all_paths()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    {|#0:return NtStatus.STATUS_SUCCESS;|}
            """);
        await Verify.VerifyAsync(source, Ndma3003(0, "STATUS_SUCCESS", "ChannelParameters", "all"));
    }

    [Fact]
    public async Task A_write_on_one_branch_only_reports_NDMA3003_on_some_paths()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    if (ChannelParameters.ProcessorAffinityMask != 0)
                    {
                        ChannelParameters.CpuNumber = (uint)System.Numerics.BitOperations.TrailingZeroCount(ChannelParameters.ProcessorAffinityMask);
                    }

                    {|#0:return NtStatus.STATUS_SUCCESS;|}
            """);
        await Verify.VerifyAsync(source, Ndma3003(0, "STATUS_SUCCESS", "ChannelParameters", "some"));
    }

    [Fact]
    public async Task Failure_returns_need_no_CpuNumber()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = null;
                    if (ChannelParameters.ProcessorAffinityMask == 0)
                    {
                        return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
                    }

                    if (ChannelParameters.Flags != 0)
                    {
                        return NtStatus.STATUS_UNSUCCESSFUL;
                    }

                    ChannelParameters.CpuNumber = 0;
                    pProviderChannelContext = new object();
                    return NtStatus.STATUS_SUCCESS;
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_status_local_set_to_success_only_where_CpuNumber_is_written_stays_silent()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = null;
                    var status = NtStatus.STATUS_INSUFFICIENT_RESOURCES;
                    for (var cpu = 0; cpu < 32; cpu++)
                    {
                        if ((ChannelParameters.ProcessorAffinityMask & (1u << cpu)) != 0)
                        {
                            ChannelParameters.CpuNumber = (uint)cpu;
                            pProviderChannelContext = new object();
                            status = NtStatus.STATUS_SUCCESS;
                            break;
                        }
                    }

                    return status;
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_success_status_from_a_local_on_a_path_without_the_write_reports_NDMA3003()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    var status = NtStatus.STATUS_SUCCESS;
                    if (ChannelParameters.Flags == 0)
                    {
                        ChannelParameters.CpuNumber = 0;
                    }

                    {|#0:return status;|}
            """);
        await Verify.VerifyAsync(source, Ndma3003(0, "STATUS_SUCCESS", "ChannelParameters", "some"));
    }

    [Fact]
    public async Task Passing_ChannelParameters_to_a_helper_counts_as_a_write()
    {
        var source = ProviderSource.WithAllocate(
            """
                    pProviderChannelContext = new object();
                    ChooseCpu(ChannelParameters);
                    return NtStatus.STATUS_SUCCESS;
            """,
            "    private static void ChooseCpu(NetDmaChannelParameters parameters) => parameters.CpuNumber = 0;");
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Lambda_converted_to_DmaChannelAllocateHandler_uses_its_own_parameter_name()
    {
        var source = ProviderSource.Usings + """
            public static class Handlers
            {
                public static DmaChannelAllocateHandler Allocate { get; } = (object context, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? channel) =>
                {
                    channel = new object();
                    if (parameters.Flags != 0)
                    {
                        return NtStatus.STATUS_UNSUCCESSFUL;
                    }

                    {|#0:return NtStatus.STATUS_SUCCESS;|}
                };
            }
            """;
        await Verify.VerifyAsync(source, Ndma3003(0, "STATUS_SUCCESS", "parameters", "all"));
    }

    [Fact]
    public async Task Method_group_converted_to_DmaChannelAllocateHandler_reports_NDMA3003()
    {
        var source = ProviderSource.Usings + """
            public static class Handlers
            {
                public static DmaChannelAllocateHandler Create() => Allocate;

                private static NtStatus Allocate(object context, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? channel)
                {
                    channel = new object();
                    {|#0:return NtStatus.STATUS_SUCCESS;|}
                }
            }
            """;
        await Verify.VerifyAsync(source, Ndma3003(0, "STATUS_SUCCESS", "parameters", "all"));
    }

    [Fact]
    public async Task A_discarded_ChannelParameters_parameter_is_named_by_its_type()
    {
        var source = ProviderSource.Usings + """
            public static class Handlers
            {
                public static DmaChannelAllocateHandler Allocate { get; } = (object _, NetDmaChannelParameters _, NetDmaChannelHandle _, out object? channel) =>
                {
                    channel = new object();
                    {|#0:return NtStatus.STATUS_SUCCESS;|}
                };
            }
            """;
        var expected = Verify.Diagnostic(RuleSource.Ids.CpuNumberReported).WithLocation(0).WithArguments(
            "ProviderAllocateDmaChannel", "STATUS_SUCCESS", "CpuNumber (its NetDmaChannelParameters parameter is discarded)", "all", Page);
        await Verify.VerifyAsync(source, expected);
    }

    [Fact]
    public async Task Other_methods_with_a_NetDmaChannelParameters_parameter_stay_silent()
    {
        var source = ProviderSource.Usings + """
            public static class Helpers
            {
                public static NtStatus Validate(NetDmaChannelParameters parameters) => NtStatus.STATUS_SUCCESS;
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Generated_code_is_not_analyzed()
    {
        var source = "// <auto-generated/>\n" + ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    return NtStatus.STATUS_SUCCESS;
            """);
        await Verify.VerifyAsync(source);
    }
}
