using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4012: a system-DMA (subordinate, DEVICE_DESCRIPTION.Master = FALSE) driver whose AdapterControl returns
/// DeallocateObject without completing an IRP; a system-DMA driver's returns KeepObject (nc-wdm-driver_control.md,
/// ne-wdm-_io_allocation_action.md). StartIo completes the IRP after AdapterControl, so nothing else is wrong.
/// </summary>
public sealed class SystemDmaDeallocateDriver : IWdmDmaDriver
{
    private DriverEnvironment _environment = null!;
    private DmaAdapter? _adapter;

    public DeviceObject? AddDevice(DriverEnvironment environment)
    {
        _environment = environment;
        return new DeviceObject(@"\Device\SystemDmaDeallocate0");
    }

    public NtStatus StartDevice(DeviceResources resources)
    {
        var description = new DeviceDescription { Version = DeviceDescription.DEVICE_DESCRIPTION_VERSION, Master = false, MaximumLength = 16384 };
        _adapter = _environment.Kernel.IoGetDmaAdapter(_environment.PhysicalDeviceObject, description, out _);
        return _adapter is null ? NtStatus.STATUS_INSUFFICIENT_RESOURCES : NtStatus.STATUS_SUCCESS;
    }

    public void StartIo(DeviceObject DeviceObject, Irp Irp)
    {
        // The bug: DeallocateObject, where a system-DMA driver keeps the channel (KeepObject) for its transfer.
        _ = _adapter!.DmaOperations.AllocateAdapterChannel!(_adapter, DeviceObject, 1, (_, _, _, _) => IoAllocationAction.DeallocateObject, null);
        _environment.Kernel.IoCompleteRequest(Irp, NtStatus.STATUS_SUCCESS, Irp.MdlAddress.ByteCount);
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
