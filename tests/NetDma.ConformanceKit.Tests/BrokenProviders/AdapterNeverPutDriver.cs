using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;
using NetDma.ReferenceProvider.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4007: the reference bus-master driver, except that IRP_MN_REMOVE_DEVICE is handled by doing nothing, so
/// the adapter IoGetDmaAdapter returned is never released with PutDmaAdapter (nc-wdm-pput_dma_adapter.md).
/// </summary>
public sealed class AdapterNeverPutDriver : IWdmDmaDriver
{
    private readonly BusMasterSampleDriver _inner = new();

    public DeviceObject? AddDevice(DriverEnvironment environment) => _inner.AddDevice(environment);

    public NtStatus StartDevice(DeviceResources resources) => _inner.StartDevice(resources);

    public void StartIo(DeviceObject DeviceObject, Irp Irp) => _inner.StartIo(DeviceObject, Irp);

    public void RemoveDevice()
    {
        // The bug: no PutDmaAdapter.
    }
}
