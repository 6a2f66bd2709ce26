using NetDma.Contracts.NetDma;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3030: its ProviderStartDma returns STATUS_SUCCESS without writing the engine's start command, so the
/// descriptors NetDMA submitted stay outstanding for ever and NetDMA's wait before ProviderFreeDmaChannel (and inside
/// NetDmaProviderStop) never sees them complete.
/// </summary>
public sealed class StartIgnoredProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics) =>
        characteristics.StartDma = (_, _, _, _) => NtStatus.STATUS_SUCCESS;
}
