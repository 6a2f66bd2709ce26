using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>Breaks NDMA2002: ProviderStartDma throws (in a kernel this is a bug check).</summary>
public sealed class ThrowingProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        characteristics.StartDma = (_, _, _, _) => throw new InvalidOperationException("descriptor ring not initialized");
    }
}
