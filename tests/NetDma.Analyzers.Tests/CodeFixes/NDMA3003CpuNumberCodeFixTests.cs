using NetDma.Analyzers.CodeFixes;
using NetDma.Analyzers.Tests.Support;
using Verify = NetDma.Analyzers.Tests.Support.CodeFixVerifier<NetDma.Analyzers.Rules.NDMA3003CpuNumberAnalyzer, NetDma.Analyzers.CodeFixes.NDMA3003CpuNumberCodeFixProvider>;

namespace NetDma.Analyzers.Tests.CodeFixes;

/// <summary>NDMA3003 "Write CpuNumber": the lowest CPU of ProcessorAffinityMask is written before the success return.</summary>
public sealed class NDMA3003CpuNumberCodeFixTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ndma3003(string paths) =>
        Verify.Diagnostic(Analyzers.RuleSource.Ids.CpuNumberReported).WithLocation(0)
            .WithArguments("ProviderAllocateDmaChannel", "STATUS_SUCCESS", "ChannelParameters.CpuNumber", paths, "nc-netdma-dma_channel_allocate_handler.md");

    [Fact]
    public async Task A_return_in_a_block_gets_the_write_before_it()
    {
        var before = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    {|#0:return NtStatus.STATUS_SUCCESS;|}
            """);
        var after = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    ChannelParameters.CpuNumber = (uint)System.Numerics.BitOperations.TrailingZeroCount(ChannelParameters.ProcessorAffinityMask);
                    return NtStatus.STATUS_SUCCESS;
            """);
        await Verify.VerifyAsync(before, after, [Ndma3003("all")], NDMA3003CpuNumberCodeFixProvider.EquivalenceKey);
    }

    [Fact]
    public async Task A_return_that_is_an_if_body_gets_a_block()
    {
        var before = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    if (ChannelParameters.Flags == 0)
                        {|#0:return NtStatus.STATUS_SUCCESS;|}

                    return NtStatus.STATUS_UNSUCCESSFUL;
            """);
        var after = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    if (ChannelParameters.Flags == 0)
                    {
                        ChannelParameters.CpuNumber = (uint)System.Numerics.BitOperations.TrailingZeroCount(ChannelParameters.ProcessorAffinityMask);
                        return NtStatus.STATUS_SUCCESS;
                    }

                    return NtStatus.STATUS_UNSUCCESSFUL;
            """);
        await Verify.VerifyAsync(before, after, [Ndma3003("all")], NDMA3003CpuNumberCodeFixProvider.EquivalenceKey);
    }

    [Fact]
    public async Task No_fix_is_offered_for_a_discarded_ChannelParameters_parameter()
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
        var expected = Verify.Diagnostic(Analyzers.RuleSource.Ids.CpuNumberReported).WithLocation(0).WithArguments(
            "ProviderAllocateDmaChannel", "STATUS_SUCCESS", "CpuNumber (its NetDmaChannelParameters parameter is discarded)", "all", "nc-netdma-dma_channel_allocate_handler.md");
        await Verify.VerifyAsync(source, source, [expected]);
    }

    [Fact]
    public async Task No_fix_is_offered_when_some_paths_to_the_return_already_write_CpuNumber()
    {
        var source = ProviderSource.WithAllocate("""
                    pProviderChannelContext = new object();
                    if (ChannelParameters.ProcessorAffinityMask > 1)
                    {
                        ChannelParameters.CpuNumber = 1;
                    }

                    {|#0:return NtStatus.STATUS_SUCCESS;|}
            """);
        await Verify.VerifyAsync(source, source, [Ndma3003("some")]);
    }
}
