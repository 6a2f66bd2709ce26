using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Wdm;

/// <summary>An accepted AllocateAdapterChannel(Ex) request, waiting for or holding the adapter channel.</summary>
/// <param name="Device">The device object.</param>
/// <param name="NumberOfMapRegisters">Map registers requested.</param>
/// <param name="Routine">The AdapterControl routine; null for AllocateAdapterChannelEx with DMA_SYNCHRONOUS_CALLBACK and no ExecutionRoutine (the driver then frees the adapter object with FreeAdapterObject).</param>
/// <param name="Context">Its context.</param>
/// <param name="Irp">The device object's CurrentIrp when the request was made (what AdapterControl receives).</param>
internal sealed record AdapterChannelRequest(DeviceObject Device, uint NumberOfMapRegisters, DriverControl? Routine, object? Context, Irp? Irp)
{
    /// <summary>AllocateAdapterChannelEx's DmaTransferContext; null for AllocateAdapterChannel.</summary>
    public object? DmaTransferContext { get; init; }

    /// <summary>The map registers granted when AdapterControl was called; null while waiting.</summary>
    public MapRegisterGrant? Grant { get; set; }
}
