using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA5002: ProviderStartDma programs the engine with one descriptor more than DescriptorCount (an off-by-one
/// in the count register), so a NetDMA 2.0 engine, which counts, fetches the ring slot after the chain, which NetDMA
/// never submitted.
/// </summary>
public sealed class DescriptorCountOverrunProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var start = characteristics.StartDma!;
        characteristics.StartDma = (context, virtualAddress, physicalAddress, count) => start(context, virtualAddress, physicalAddress, count + 1);
    }
}
