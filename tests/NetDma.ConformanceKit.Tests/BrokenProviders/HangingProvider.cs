using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA2003: ProviderAllocateDmaChannel never returns (it blocks as a driver deadlocked on its own lock would).
/// The kit's watchdog must report it and go on.
/// </summary>
public sealed class HangingProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        characteristics.AllocateDmaChannel = (object _, NetDmaChannelParameters _, NetDmaChannelHandle _, out object? context) =>
        {
            Thread.Sleep(Timeout.Infinite);
            context = null;
            return default;
        };
    }
}
