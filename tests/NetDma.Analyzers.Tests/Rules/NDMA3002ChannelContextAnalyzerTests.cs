using NetDma.Analyzers.Tests.Support;
using Verify = NetDma.Analyzers.Tests.Support.AnalyzerVerifier<NetDma.Analyzers.Rules.NDMA3002ChannelContextAnalyzer>;

namespace NetDma.Analyzers.Tests.Rules;

/// <summary>NDMA3002: a successful ProviderAllocateDmaChannel does not leave the channel context null.</summary>
public sealed class NDMA3002ChannelContextAnalyzerTests
{
    private const string Page = "nc-netdma-dma_channel_allocate_handler.md";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ndma3002(int location, string paths, string parameter = "pProviderChannelContext") =>
        Verify.Diagnostic(RuleSource.Ids.DistinctChannelContext).WithLocation(location)
            .WithArguments("ProviderAllocateDmaChannel", "STATUS_SUCCESS", parameter, paths, Page);

    [Fact]
    public async Task Success_with_the_context_only_assigned_null_reports_NDMA3002_on_all_paths()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = null;
                    ChannelParameters.CpuNumber = 0;
                    {|#0:return NtStatus.STATUS_SUCCESS;|}
            """);
        await Verify.VerifyAsync(source, Ndma3002(0, "all"));
    }

    [Fact]
    public async Task Success_with_the_context_set_to_default_reports_NDMA3002()
    {
        var source = ProviderSource.WithAllocate("""
                    ChannelParameters.CpuNumber = 0;
                    pProviderChannelContext = default;
                    {|#0:return NtStatus.STATUS_SUCCESS;|}
            """);
        await Verify.VerifyAsync(source, Ndma3002(0, "all"));
    }

    [Fact]
    public async Task Null_on_one_branch_reports_NDMA3002_on_some_paths()
    {
        var source = ProviderSource.WithAllocate("""
                    ChannelParameters.CpuNumber = 0;
                    if (ChannelParameters.Flags == 0)
                    {
                        pProviderChannelContext = new object();
                    }
                    else
                    {
                        pProviderChannelContext = null;
                    }

                    {|#0:return NtStatus.STATUS_SUCCESS;|}
            """);
        await Verify.VerifyAsync(source, Ndma3002(0, "some"));
    }

    [Fact]
    public async Task Null_first_then_a_real_context_stays_silent()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = null;
                    if (ChannelParameters.ProcessorAffinityMask == 0)
                    {
                        return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
                    }

                    ChannelParameters.CpuNumber = 0;
                    pProviderChannelContext = new object();
                    return NtStatus.STATUS_SUCCESS;
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_null_that_reaches_the_context_through_a_local_reports_NDMA3002()
    {
        var source = ProviderSource.WithAllocate("""
                    object? context = null;
                    ChannelParameters.CpuNumber = 0;
                    pProviderChannelContext = context;
                    {|#0:return NtStatus.STATUS_SUCCESS;|}
            """);
        await Verify.VerifyAsync(source, Ndma3002(0, "all"));
    }

    [Fact]
    public async Task A_conditional_expression_with_a_null_branch_reports_NDMA3002_on_some_paths()
    {
        var source = ProviderSource.WithAllocate("""
                    ChannelParameters.CpuNumber = 0;
                    pProviderChannelContext = ChannelParameters.Flags == 0 ? new object() : null;
                    {|#0:return NtStatus.STATUS_SUCCESS;|}
            """);
        await Verify.VerifyAsync(source, Ndma3002(0, "some"));
    }

    [Fact]
    public async Task A_conditional_expression_whose_branches_are_both_objects_stays_silent()
    {
        var source = ProviderSource.WithAllocate("""
                    object? spare = null;
                    spare = new object();
                    ChannelParameters.CpuNumber = 0;
                    pProviderChannelContext = ChannelParameters.Flags == 0 ? new object() : spare;
                    return NtStatus.STATUS_SUCCESS;
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_context_copied_from_a_local_is_not_guessed_null()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = null;
                    object? context = null;
                    if (ChannelParameters.Flags == 0)
                    {
                        context = new object();
                    }

                    if (context is not null)
                    {
                        ChannelParameters.CpuNumber = 0;
                        pProviderChannelContext = context;
                        return NtStatus.STATUS_SUCCESS;
                    }

                    return NtStatus.STATUS_UNSUCCESSFUL;
            """);
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task Lambda_converted_to_DmaChannelAllocateHandler_reports_NDMA3002()
    {
        var source = ProviderSource.Usings + """
            public static class Handlers
            {
                public static DmaChannelAllocateHandler Allocate { get; } = (object context, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? channel) =>
                {
                    parameters.CpuNumber = 0;
                    channel = null;
                    {|#0:return NtStatus.STATUS_SUCCESS;|}
                };
            }
            """;
        await Verify.VerifyAsync(source, Ndma3002(0, "all", "channel"));
    }
}
