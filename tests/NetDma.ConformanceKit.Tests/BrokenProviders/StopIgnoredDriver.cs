using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;
using NetDma.ReferenceProvider.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4007: the reference bus-master driver without an IRP_MN_STOP_DEVICE handler (the interface's default
/// StopDevice does nothing), so the adapter is not put when the device stops; "A driver must call PutDmaAdapter when
/// it receives a PnP IRP_MN_STOP_DEVICE request" (nc-wdm-pput_dma_adapter.md).
/// </summary>
public sealed class StopIgnoredDriver : IWdmDmaDriver
{
    private readonly BusMasterSampleDriver _inner = new();

    public DeviceObject? AddDevice(DriverEnvironment environment) => _inner.AddDevice(environment);

    public NtStatus StartDevice(DeviceResources resources) => _inner.StartDevice(resources);

    public void StartIo(DeviceObject DeviceObject, Irp Irp) => _inner.StartIo(DeviceObject, Irp);

    public void RemoveDevice() => _inner.RemoveDevice();
}
