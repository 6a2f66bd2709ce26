using NetDma.Contracts.Kernel;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4001: a system-DMA driver whose StartIo asks for an adapter channel for every piece of a transfer up
/// front, instead of waiting for each AdapterControl to run: the first is granted (KeepObject holds the channel), the
/// second is queued, and the third is a second request while one is queued (nc-wdm-pallocate_adapter_channel.md).
/// It then releases the channel correctly, so that is the only rule it breaks.
/// </summary>
public sealed class SecondAdapterChannelDriver : IWdmDmaDriver
{
    private DriverEnvironment _environment = null!;
    private DmaAdapter? _adapter;
    private DeviceObject? _fdo;

    public DeviceObject? AddDevice(DriverEnvironment environment)
    {
        _environment = environment;
        _fdo = new DeviceObject(@"\Device\SecondAdapterChannel0");
        return _fdo;
    }

    public NtStatus StartDevice(DeviceResources resources)
    {
        var description = new DeviceDescription { Version = DeviceDescription.DEVICE_DESCRIPTION_VERSION, Master = false, MaximumLength = 16384 };
        _adapter = _environment.Kernel.IoGetDmaAdapter(_environment.PhysicalDeviceObject, description, out _);
        return _adapter is null ? NtStatus.STATUS_INSUFFICIENT_RESOURCES : NtStatus.STATUS_SUCCESS;
    }

    public void StartIo(DeviceObject DeviceObject, Irp Irp)
    {
        var operations = _adapter!.DmaOperations;
        for (var piece = 0; piece < 3; piece++)
        {
            _ = operations.AllocateAdapterChannel!(_adapter, DeviceObject, 1, (_, _, _, _) => IoAllocationAction.KeepObject, piece);
        }

        // Release the granted channel, which lets the queued request run, then release that one too.
        operations.FreeAdapterChannel!(_adapter);
        operations.FreeAdapterChannel!(_adapter);
        _environment.Kernel.IoCompleteRequest(Irp, NtStatus.STATUS_SUCCESS, Irp.MdlAddress.ByteCount);
        _environment.Kernel.IoStartNextPacket(DeviceObject);
    }

    public void RemoveDevice() => _adapter?.DmaOperations.PutDmaAdapter!(_adapter);
}
