using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.Contracts.Platform;

/// <summary>
/// The entry points of a WDM bus-master DMA driver, as the simulated PnP and I/O managers call them: AddDevice and
/// start/remove at PASSIVE_LEVEL, and StartIo at DISPATCH_LEVEL for each queued transfer IRP, one at a time per device
/// object (nc-wdm-driver_startio.md). The driver's StartIo calls AllocateAdapterChannel with its AdapterControl
/// routine (nc-wdm-pallocate_adapter_channel.md).
/// </summary>
public interface IWdmDmaDriver
{
    /// <summary>AddDevice: create the FDO. PASSIVE_LEVEL.</summary>
    /// <param name="environment">Services, PDO and bus.</param>
    /// <returns>The FDO the I/O manager queues IRPs to, or null on failure.</returns>
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    DeviceObject? AddDevice(DriverEnvironment environment);

    /// <summary>IRP_MN_START_DEVICE: get the DMA adapter (IoGetDmaAdapter) and connect the interrupt. PASSIVE_LEVEL.</summary>
    /// <param name="resources">The granted interrupts.</param>
    /// <returns>STATUS_SUCCESS or the start failure.</returns>
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    NtStatus StartDevice(DeviceResources resources);

    /// <summary>The driver's StartIo routine (DRIVER_STARTIO), called at DISPATCH_LEVEL.</summary>
    /// <param name="DeviceObject">The FDO.</param>
    /// <param name="Irp">The IRP to start (also <c>DeviceObject.CurrentIrp</c>).</param>
    [ContractOf(typeof(DriverStartio))]
    void StartIo(DeviceObject DeviceObject, Irp Irp);

    /// <summary>
    /// IRP_MN_STOP_DEVICE: stop the device and release the adapter. "A driver must call PutDmaAdapter when it receives a
    /// PnP IRP_MN_STOP_DEVICE request" (nc-wdm-pput_dma_adapter.md); a later IRP_MN_START_DEVICE gets a new adapter
    /// with IoGetDmaAdapter (nf-wdm-iogetdmaadapter.md). PASSIVE_LEVEL.
    /// </summary>
    /// <remarks>
    /// The default does nothing: it is a driver with no IRP_MN_STOP_DEVICE handler, which keeps its adapter and is
    /// reported by the kit (NDMA4007) when a script stops the device.
    /// </remarks>
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    void StopDevice()
    {
    }

    /// <summary>IRP_MN_REMOVE_DEVICE: release the adapter (PutDmaAdapter) and disconnect the interrupt. PASSIVE_LEVEL.</summary>
    [IrqlRequires(Irql.PASSIVE_LEVEL)]
    void RemoveDevice();
}
