using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>IO_ALLOCATION_ACTION</c>: what an AdapterControl (DRIVER_CONTROL) routine tells the I/O manager to do with the
/// adapter object and map registers. Bus-master drivers return DeallocateObject or DeallocateObjectKeepRegisters;
/// system-DMA drivers return KeepObject. Source: ne-wdm-_io_allocation_action.md, nc-wdm-driver_control.md.
/// </summary>
[DdiEnum("IO_ALLOCATION_ACTION", "wdm.h", "ne-wdm-_io_allocation_action.md")]
public enum IoAllocationAction
{
    /// <summary>Keep the adapter object and map registers (system DMA); the driver frees them with FreeAdapterChannel.</summary>
    KeepObject = 1,

    /// <summary>Release the adapter object and map registers now.</summary>
    DeallocateObject,

    /// <summary>Release the adapter object but keep the map registers; the driver frees them with FreeMapRegisters.</summary>
    DeallocateObjectKeepRegisters,
}
