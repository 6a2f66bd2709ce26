using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.Exploration;
using NetDma.ConformanceKit.Tests.Support;
using NetDma.ConformanceKit.Verification;
using NetDma.ReferenceProvider.NetDma;

namespace NetDma.ConformanceKit.Tests.Verification;

/// <summary>
/// The verdicts behind the xunit base class, against broken providers: the broken rule fails with its page, the script
/// line and the call sequence; rules the provider cannot break pass; rules and scripts the declared profile excludes are
/// skipped with the reason; a declared handler the provider lacks is a failure, not a skip.
/// </summary>
public sealed class ProviderVerificationTests
{
    private static ProviderVerification Verify<TProvider>(ProviderProfile? profile = null, int generated = 0)
        where TProvider : Contracts.Platform.INetDmaProviderDriver, new()
    {
        using var runner = new InProcessScriptRunner(new TypeDriverFactory(typeof(TProvider), null), ConformanceRun.DefaultWatchdog);
        return ProviderVerification.Run(runner, profile ?? new ProviderProfile(),
            new VerificationOptions { ScriptsPath = BundledScripts.Conformance, GeneratedSequences = generated });
    }

    [Fact]
    public void The_broken_rule_fails_with_its_page_line_and_call_sequence_and_the_others_pass()
    {
        var verification = Verify<CpuOutsideMaskProvider>();

        var broken = verification.Rule("NDMA3004");
        Assert.Equal(VerdictOutcome.Failed, broken.Outcome);
        Assert.Contains("nc-netdma-dma_channel_allocate_handler.md", broken.Message);
        Assert.Contains("call sequence", broken.Message);
        Assert.Matches(@"conformance/\d\d-[a-z0-9-]+\.ndma:\d+:\d+", broken.Message);
        Assert.Equal(VerdictOutcome.Passed, verification.Rule("NDMA5001").Outcome);
        Assert.Contains(verification.Scripts, s => s.Outcome == VerdictOutcome.Failed);
    }

    [Fact]
    public void Compile_time_and_WDM_rules_are_skipped_with_the_reason_for_a_NetDMA_provider()
    {
        var verification = Verify<ReferenceNetDmaProviderDriver>();

        var compileTime = verification.Rule("NDMA2004");
        Assert.Equal(VerdictOutcome.Skipped, compileTime.Outcome);
        Assert.Contains("compile time", compileTime.Message);
        var wdm = verification.Rule("NDMA4001");
        Assert.Equal(VerdictOutcome.Skipped, wdm.Outcome);
        Assert.Contains("WDM", wdm.Message);
        Assert.All(verification.Rules, r => Assert.NotEqual(VerdictOutcome.Failed, r.Outcome));
        var wdmScript = Assert.Single(verification.Scripts, s => s.Name.EndsWith("14-wdm-bus-master.ndma", StringComparison.Ordinal));
        Assert.Equal(VerdictOutcome.Skipped, wdmScript.Outcome);
    }

    [Fact]
    public void A_profile_without_optional_handlers_skips_their_scripts_and_rules_with_the_reason()
    {
        var profile = new ProviderProfile { OptionalHandlers = ProviderCapabilities.None };

        var verification = Verify<NoOptionalHandlersProvider>(profile, generated: 20);

        var suspend = Assert.Single(verification.Scripts, s => s.Name.EndsWith("08-suspend-resume.ndma", StringComparison.Ordinal));
        Assert.Equal(VerdictOutcome.Skipped, suspend.Outcome);
        Assert.Contains("ProviderSuspendDma", suspend.Message);
        Assert.Equal(VerdictOutcome.Skipped, verification.Rule("NDMA3012").Outcome);
        Assert.Equal(VerdictOutcome.Skipped, verification.Rule("NDMA3013").Outcome);
        Assert.Equal(VerdictOutcome.Passed, verification.GeneratedSequences.Outcome);
        Assert.DoesNotContain(verification.Scripts, s => s.Outcome == VerdictOutcome.Failed);
    }

    [Fact]
    public void A_profile_without_MSI_X_skips_the_MSI_X_scripts_and_generates_line_based_platforms_only()
    {
        var verification = Verify<ReferenceNetDmaProviderDriver>(new ProviderProfile { MsiX = false }, generated: 30);

        var msix = Assert.Single(verification.Scripts, s => s.Name.EndsWith("03-allocate-msix-affinity.ndma", StringComparison.Ordinal));
        Assert.Equal(VerdictOutcome.Skipped, msix.Outcome);
        Assert.Contains("MSI-X", msix.Message);
        Assert.Contains(verification.Scripts, s => s.Outcome == VerdictOutcome.Passed);
        Assert.Equal(VerdictOutcome.Passed, verification.GeneratedSequences.Outcome);
    }

    [Fact]
    public void A_declared_handler_the_provider_lacks_fails_the_script_that_needs_it()
    {
        var verification = Verify<NoOptionalHandlersProvider>();

        var suspend = Assert.Single(verification.Scripts, s => s.Name.EndsWith("08-suspend-resume.ndma", StringComparison.Ordinal));
        Assert.Equal(VerdictOutcome.Failed, suspend.Outcome);
        Assert.Contains("declared profile", suspend.Message);
    }

    [Fact]
    public void A_failing_generated_sequence_gives_its_seed_and_shrunk_script()
    {
        var verification = Verify<ThirdDescriptorCorruptingProvider>(generated: 100);

        var generated = verification.GeneratedSequences;
        Assert.Equal(VerdictOutcome.Failed, generated.Outcome);
        Assert.Contains("netdma-kit explore --seed", generated.Message);
        Assert.Contains("minimal failing script", generated.Message);
    }
}
