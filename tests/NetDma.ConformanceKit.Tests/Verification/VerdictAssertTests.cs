using NetDma.ConformanceKit.Verification;
using NetDma.ConformanceKit.XUnit;
using Xunit.Sdk;

namespace NetDma.ConformanceKit.Tests.Verification;

/// <summary>How the base class turns verdicts into xunit outcomes: a pass returns, a skip skips with its reason, a failure fails with its message.</summary>
public sealed class VerdictAssertTests
{
    [Fact]
    public void A_pass_returns() => VerdictAssert.Holds(new Verdict("NDMA3004", VerdictOutcome.Passed, "no violation"));

    [Fact]
    public void A_skip_skips_with_the_reason()
    {
        var skip = Assert.Throws<global::Xunit.SkipException>(() => VerdictAssert.Holds(new Verdict("NDMA4001", VerdictOutcome.Skipped, "applies to WDM DMA drivers")));

        Assert.Contains("NDMA4001: applies to WDM DMA drivers", skip.Message);
    }

    [Fact]
    public void A_failure_fails_with_the_message()
    {
        var failure = Assert.Throws<XunitException>(() => VerdictAssert.Holds(new Verdict("NDMA3004", VerdictOutcome.Failed, "conformance/04.ndma:12:1 unexpected violation: NDMA3004 ...")));

        Assert.Contains("NDMA3004 failed", failure.Message);
        Assert.Contains("conformance/04.ndma:12:1", failure.Message);
    }
}
