using NetDma.Analyzers.CodeFixes;
using NetDma.Analyzers.Tests.Support;
using Verify = NetDma.Analyzers.Tests.Support.CodeFixVerifier<NetDma.Analyzers.Rules.NDMA2001DocumentedStatusAnalyzer, NetDma.Analyzers.CodeFixes.NDMA2001DocumentedStatusCodeFixProvider>;

namespace NetDma.Analyzers.Tests.CodeFixes;

/// <summary>NDMA2001 "Use the documented status": replace an undocumented status by a documented one, likeliest first.</summary>
public sealed class NDMA2001DocumentedStatusCodeFixTests
{
    private const string AllocateDocumented = "STATUS_SUCCESS, STATUS_INSUFFICIENT_RESOURCES, STATUS_UNSUCCESSFUL (nc-netdma-dma_channel_allocate_handler.md)";

    private static readonly string[] AllocateStatuses = ["STATUS_SUCCESS", "STATUS_INSUFFICIENT_RESOURCES", "STATUS_UNSUCCESSFUL"];

    private static string Allocate(string failure) => ProviderSource.WithAllocate($$"""
                pProviderChannelContext = new object();
                if (ChannelParameters.ProcessorAffinityMask == 0)
                {
                    return {{failure}};
                }

                ChannelParameters.CpuNumber = 0;
                return NtStatus.STATUS_SUCCESS;
        """);

    [Fact]
    public async Task STATUS_NOT_SUPPORTED_becomes_STATUS_UNSUCCESSFUL()
    {
        var expected = Verify.Diagnostic(Analyzers.RuleSource.Ids.DocumentedStatusOnly).WithLocation(0)
            .WithArguments("ProviderAllocateDmaChannel", "STATUS_NOT_SUPPORTED (0xC00000BB)", "some", AllocateDocumented);
        await Verify.VerifyAsync(
            Allocate("{|#0:NtStatus.STATUS_NOT_SUPPORTED|}"),
            Allocate("NtStatus.STATUS_UNSUCCESSFUL"),
            [expected],
            NDMA2001DocumentedStatusCodeFixProvider.EquivalenceKeyPrefix + "STATUS_UNSUCCESSFUL");
    }

    [Fact]
    public async Task A_cast_STATUS_NO_MEMORY_becomes_STATUS_INSUFFICIENT_RESOURCES()
    {
        var expected = Verify.Diagnostic(Analyzers.RuleSource.Ids.DocumentedStatusOnly).WithLocation(0)
            .WithArguments("ProviderAllocateDmaChannel", "0xC0000017", "some", AllocateDocumented);
        await Verify.VerifyAsync(
            Allocate("{|#0:(NtStatus)unchecked((int)0xC0000017)|}"),
            Allocate("NtStatus.STATUS_INSUFFICIENT_RESOURCES"),
            [expected],
            NDMA2001DocumentedStatusCodeFixProvider.EquivalenceKeyPrefix + "STATUS_INSUFFICIENT_RESOURCES");
    }

    [Fact]
    public void A_failure_ranks_STATUS_UNSUCCESSFUL_first_then_the_page_order()
    {
        var ranked = NDMA2001DocumentedStatusCodeFixProvider.Rank(AllocateStatuses, unchecked((int)0xC00000BB), "STATUS_NOT_SUPPORTED").ToList();
        Assert.Equal(["STATUS_UNSUCCESSFUL", "STATUS_SUCCESS", "STATUS_INSUFFICIENT_RESOURCES"], ranked);
    }

    [Fact]
    public void Resource_exhaustion_ranks_STATUS_INSUFFICIENT_RESOURCES_first()
    {
        Assert.Equal("STATUS_INSUFFICIENT_RESOURCES", NDMA2001DocumentedStatusCodeFixProvider.Rank(AllocateStatuses, unchecked((int)0xC0000017), "0xC0000017").First());
        Assert.Equal("STATUS_INSUFFICIENT_RESOURCES", NDMA2001DocumentedStatusCodeFixProvider.Rank(AllocateStatuses, unchecked((int)0xC0000044), "STATUS_QUOTA_EXCEEDED").First());
    }

    [Fact]
    public void Resource_exhaustion_without_a_documented_resources_status_ranks_STATUS_UNSUCCESSFUL_first()
    {
        var ranked = NDMA2001DocumentedStatusCodeFixProvider.Rank(["STATUS_SUCCESS", "STATUS_UNSUCCESSFUL"], unchecked((int)0xC0000017), "0xC0000017").ToList();
        Assert.Equal(["STATUS_UNSUCCESSFUL", "STATUS_SUCCESS"], ranked);
    }

    [Fact]
    public void A_success_or_informational_value_ranks_STATUS_SUCCESS_first()
    {
        Assert.Equal("STATUS_SUCCESS", NDMA2001DocumentedStatusCodeFixProvider.Rank(AllocateStatuses, 0x103, "STATUS_PENDING").First());
    }
}
