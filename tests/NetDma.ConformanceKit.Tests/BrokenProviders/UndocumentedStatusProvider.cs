using NetDma.Contracts.NetDma;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>Breaks NDMA2001: ProviderAllocateDmaChannel returns STATUS_NOT_SUPPORTED, which its page does not document.</summary>
public sealed class UndocumentedStatusProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        characteristics.AllocateDmaChannel = (object _, NetDmaChannelParameters _, NetDmaChannelHandle _, out object? context) =>
        {
            context = null;
            return NtStatus.STATUS_NOT_SUPPORTED;
        };
    }
}
