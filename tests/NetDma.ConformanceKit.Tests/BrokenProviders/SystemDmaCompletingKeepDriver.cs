using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4012 the other way: a system-DMA driver whose AdapterControl completes the IRP and still returns
/// KeepObject; an AdapterControl that completes an IRP "should return DeallocateObject" (ne-wdm-_io_allocation_action.md).
/// It frees the channel afterwards, so the channel is not leaked.
/// </summary>
public sealed class SystemDmaCompletingKeepDriver() : SystemDmaDriver(@"\Device\SystemDmaCompletingKeep0")
{
    public override void StartIo(DeviceObject DeviceObject, Irp Irp)
    {
        _ = Adapter!.DmaOperations.AllocateAdapterChannel!(Adapter, DeviceObject, 1, (_, irp, _, _) =>
        {
            Environment.Kernel.IoCompleteRequest(irp!, NtStatus.STATUS_SUCCESS, irp!.MdlAddress.ByteCount);
            return IoAllocationAction.KeepObject;
        }, null);
        Adapter.DmaOperations.FreeAdapterChannel!(Adapter);
        Environment.Kernel.IoStartNextPacket(DeviceObject);
    }
}
