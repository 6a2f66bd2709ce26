using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.Samples.WrongProvider;

/// <summary>A WDM bus-master driver that misuses the adapter channel.</summary>
public sealed class WrongBusMasterDriver : IWdmDmaDriver
{
    private DriverEnvironment _environment = null!;
    private DmaAdapter? _adapter;

    public DeviceObject? AddDevice(DriverEnvironment environment)
    {
        _environment = environment;
        return new DeviceObject(@"\Device\WrongBusMaster0");
    }

    public NtStatus StartDevice(DeviceResources resources)
    {
        var description = new DeviceDescription { Master = true, Dma64BitAddresses = true, MaximumLength = 16384 };
        var adapter = _environment.Kernel.IoGetDmaAdapter(_environment.PhysicalDeviceObject, description, out _);
        if (adapter is null)
        {
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        // A start-time self test: one 128 KiB transfer. IoGetDmaAdapter grants ceil(16384 / 4096) + 1 = 5 map
        // registers for this description, so asking for 32 exceeds the maximum.
        _adapter = adapter;
        _environment.Kernel.KeRaiseIrql(Irql.DISPATCH_LEVEL, out var oldIrql);
        var status = adapter.DmaOperations.AllocateAdapterChannel!(adapter, _environment.PhysicalDeviceObject, 32, AdapterControl, null); // expect: NDMA4003
        _environment.Kernel.KeLowerIrql(oldIrql);
        return status;
    }

    public void StartIo(DeviceObject DeviceObject, Irp Irp) => _environment.Kernel.IoCompleteRequest(Irp, NtStatus.STATUS_SUCCESS, 0);

    private IoAllocationAction AdapterControl(DeviceObject DeviceObject, Irp? Irp, MapRegisterBase MapRegisterBase, object? Context)
    {
        // Asking for the next piece from inside AdapterControl.
        var adapter = _adapter!;
        _ = adapter.DmaOperations.AllocateAdapterChannel!(adapter, DeviceObject, 1, AdapterControl, Context); // expect: NDMA4002
        return IoAllocationAction.DeallocateObjectKeepRegisters;
    }

    public void RemoveDevice() => _adapter?.DmaOperations.PutDmaAdapter!(_adapter);
}
