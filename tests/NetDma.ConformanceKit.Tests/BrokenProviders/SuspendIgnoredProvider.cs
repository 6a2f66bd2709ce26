using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3012: ProviderSuspendDma suspends the engine, reports the right pLastDescriptor and STATUS_SUCCESS, then
/// lets the engine run on (a resume command issued by mistake), so it fetches descriptors while the channel is
/// suspended.
/// </summary>
public sealed class SuspendIgnoredProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var suspend = characteristics.SuspendDma!;
        var resume = characteristics.ResumeDma!;
        characteristics.SuspendDma = (object ProviderChannelContext, out PhysicalAddress pLastDescriptor) =>
        {
            var status = suspend(ProviderChannelContext, out pLastDescriptor);
            if (NtStatusFacts.NT_SUCCESS(status))
            {
                _ = resume(ProviderChannelContext);
            }

            return status;
        };
    }
}
