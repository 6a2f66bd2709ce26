using NetDma.ConformanceKit.XUnit;
using NetDma.Contracts.Platform;
using NetDma.ReferenceProvider.NetDma;

namespace NetDma.ConformanceKit.Tests.Verification;

/// <summary>
/// The xunit base class as a provider author uses it, on the reference provider: every rule, every bundled script and
/// the generated sequences pass, or are skipped with a stated reason (WDM-only and compile-time-only rules, the WDM
/// script), in a worker process.
/// </summary>
public sealed class ReferenceProviderConformanceTests : NetDmaProviderConformanceTests
{
    protected override INetDmaProviderDriver CreateProvider() => new ReferenceNetDmaProviderDriver();

    protected override int GeneratedSequences => 100;
}
