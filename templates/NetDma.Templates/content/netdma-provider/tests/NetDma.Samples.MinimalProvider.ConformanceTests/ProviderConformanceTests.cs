using NetDma.ConformanceKit.Verification;
using NetDma.ConformanceKit.XUnit;
using NetDma.Contracts.Platform;

namespace NetDma.Samples.MinimalProvider.ConformanceTests;

/// <summary>
/// The provider held to the NetDMA contract: every rule of the catalog is a test named after its ID
/// (Rule(id: "NDMA3004")), every bundled conformance script is a test, and so is a seeded run of generated call
/// sequences. Each passes, fails with the rule, its page, the script line and the call sequence, or is skipped with the
/// reason (a WDM-only or compile-time-only rule, or something the profile below says the provider does not support).
/// The provider runs in a worker process: one that throws, exits or hangs fails its tests, not the test run.
/// </summary>
public sealed class ProviderConformanceTests : NetDmaProviderConformanceTests
{
    protected override INetDmaProviderDriver CreateProvider() => new MinimalProvider();

    // Declare what your provider supports; what it does not is skipped with the reason, never passed silently.
    protected override ProviderProfile Profile => new() { ChannelCount = MinimalProvider.ChannelCount };
}
