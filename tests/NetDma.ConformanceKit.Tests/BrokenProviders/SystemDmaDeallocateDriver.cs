using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4012: a system-DMA driver whose AdapterControl returns DeallocateObject without completing an IRP; a
/// system-DMA driver's returns KeepObject (nc-wdm-driver_control.md, ne-wdm-_io_allocation_action.md). StartIo
/// completes the IRP after AdapterControl, so nothing else is wrong.
/// </summary>
public sealed class SystemDmaDeallocateDriver() : SystemDmaDriver(@"\Device\SystemDmaDeallocate0")
{
    public override void StartIo(DeviceObject DeviceObject, Irp Irp)
    {
        // The bug: DeallocateObject, where a system-DMA driver keeps the channel (KeepObject) for its transfer.
        _ = Adapter!.DmaOperations.AllocateAdapterChannel!(Adapter, DeviceObject, 1, (_, _, _, _) => IoAllocationAction.DeallocateObject, null);
        Environment.Kernel.IoCompleteRequest(Irp, NtStatus.STATUS_SUCCESS, Irp.MdlAddress.ByteCount);
        Environment.Kernel.IoStartNextPacket(DeviceObject);
    }
}
