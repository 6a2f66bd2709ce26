using NetDma.Contracts.NetDma;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3017: registers its own FDO-like object as NET_DMA_PROVIDER_CHARACTERISTICS.PhysicalDeviceObject
/// instead of the PDO the PnP manager passed to AddDevice.
/// </summary>
public sealed class WrongPdoProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics) =>
        characteristics.PhysicalDeviceObject = new DeviceObject(@"\Device\ReferenceNetDmaProvider");
}
