using NetDma.Contracts.NetDma;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3013: ProviderAbortDma reports STATUS_SUCCESS without stopping the engine, which goes on fetching the
/// descriptors NetDMA just discarded.
/// </summary>
public sealed class AbortIgnoredProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        characteristics.AbortDma = _ => NtStatus.STATUS_SUCCESS;
    }
}
