using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// A system-DMA (subordinate, DEVICE_DESCRIPTION.Master = FALSE) WDM driver: the adapter from IoGetDmaAdapter at
/// IRP_MN_START_DEVICE, put again at stop and removal (nc-wdm-pput_dma_adapter.md). A subclass supplies StartIo with
/// the one AdapterControl bug it demonstrates (NDMA4012).
/// </summary>
public abstract class SystemDmaDriver(string deviceName) : IWdmDmaDriver
{
    /// <summary>The environment AddDevice received.</summary>
    protected DriverEnvironment Environment { get; private set; } = null!;

    /// <summary>The system-DMA adapter, or null before start and after stop.</summary>
    protected DmaAdapter? Adapter { get; private set; }

    public DeviceObject? AddDevice(DriverEnvironment environment)
    {
        Environment = environment;
        return new DeviceObject(deviceName);
    }

    public NtStatus StartDevice(DeviceResources resources)
    {
        var description = new DeviceDescription { Version = DeviceDescription.DEVICE_DESCRIPTION_VERSION, Master = false, MaximumLength = 16384 };
        Adapter = Environment.Kernel.IoGetDmaAdapter(Environment.PhysicalDeviceObject, description, out _);
        return Adapter is null ? NtStatus.STATUS_INSUFFICIENT_RESOURCES : NtStatus.STATUS_SUCCESS;
    }

    public abstract void StartIo(DeviceObject DeviceObject, Irp Irp);

    public void StopDevice() => RemoveDevice();

    public void RemoveDevice()
    {
        if (Adapter is { } adapter)
        {
            adapter.DmaOperations.PutDmaAdapter!(adapter);
            Adapter = null;
        }
    }
}
