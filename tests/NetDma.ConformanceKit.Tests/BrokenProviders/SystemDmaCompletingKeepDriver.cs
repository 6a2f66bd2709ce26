using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4012 the other way: a system-DMA driver whose AdapterControl completes the IRP and still returns
/// KeepObject; an AdapterControl that completes an IRP "should return DeallocateObject" (ne-wdm-_io_allocation_action.md).
/// It frees the channel afterwards, so the channel is not leaked.
/// </summary>
public sealed class SystemDmaCompletingKeepDriver : IWdmDmaDriver
{
    private DriverEnvironment _environment = null!;
    private DmaAdapter? _adapter;

    public DeviceObject? AddDevice(DriverEnvironment environment)
    {
        _environment = environment;
        return new DeviceObject(@"\Device\SystemDmaCompletingKeep0");
    }

    public NtStatus StartDevice(DeviceResources resources)
    {
        var description = new DeviceDescription { Version = DeviceDescription.DEVICE_DESCRIPTION_VERSION, Master = false, MaximumLength = 16384 };
        _adapter = _environment.Kernel.IoGetDmaAdapter(_environment.PhysicalDeviceObject, description, out _);
        return _adapter is null ? NtStatus.STATUS_INSUFFICIENT_RESOURCES : NtStatus.STATUS_SUCCESS;
    }

    public void StartIo(DeviceObject DeviceObject, Irp Irp)
    {
        _ = _adapter!.DmaOperations.AllocateAdapterChannel!(_adapter, DeviceObject, 1, (_, irp, _, _) =>
        {
            _environment.Kernel.IoCompleteRequest(irp!, NtStatus.STATUS_SUCCESS, irp!.MdlAddress.ByteCount);
            return IoAllocationAction.KeepObject;
        }, null);
        _adapter.DmaOperations.FreeAdapterChannel!(_adapter);
        _environment.Kernel.IoStartNextPacket(DeviceObject);
    }

    public void StopDevice() => RemoveDevice();

    public void RemoveDevice()
    {
        if (_adapter is { } adapter)
        {
            adapter.DmaOperations.PutDmaAdapter!(adapter);
            _adapter = null;
        }
    }
}
