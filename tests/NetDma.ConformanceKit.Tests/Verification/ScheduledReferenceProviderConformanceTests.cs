using NetDma.ConformanceKit.XUnit;
using NetDma.Contracts.Platform;
using NetDma.ReferenceProvider.NetDma;

namespace NetDma.ConformanceKit.Tests.Verification;

/// <summary>
/// The xunit base class with concurrent schedules turned on, as a provider author turns them on: every bundled script's
/// test runs the reference provider under 10 Coyote schedules (seed 1), and every rule and script still passes or is
/// skipped with its stated reason.
/// </summary>
public sealed class ScheduledReferenceProviderConformanceTests : NetDmaProviderConformanceTests
{
    protected override INetDmaProviderDriver CreateProvider() => new ReferenceNetDmaProviderDriver();

    protected override int GeneratedSequences => 20;

    protected override int ConcurrentSchedules => 10;
}
