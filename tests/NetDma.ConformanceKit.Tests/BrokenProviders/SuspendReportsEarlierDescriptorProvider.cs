using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3012: ProviderSuspendDma reports in pLastDescriptor the descriptor before the one the engine processed
/// last (an off-by-one in the ring index), not the last successfully processed one.
/// </summary>
public sealed class SuspendReportsEarlierDescriptorProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var suspend = characteristics.SuspendDma!;
        characteristics.SuspendDma = (object ProviderChannelContext, out PhysicalAddress pLastDescriptor) =>
        {
            var status = suspend(ProviderChannelContext, out pLastDescriptor);
            if (!pLastDescriptor.IsNull)
            {
                pLastDescriptor = new PhysicalAddress(pLastDescriptor.QuadPart - NetDmaDescriptor.SizeInBytes);
            }

            return status;
        };
    }
}
