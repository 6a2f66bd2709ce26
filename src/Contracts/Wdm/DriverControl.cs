using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>DRIVER_CONTROL</c> (AdapterControl): called at DISPATCH_LEVEL when the adapter channel and map registers that
/// AllocateAdapterChannel requested are available; it programs the transfer and returns an
/// <see cref="IoAllocationAction"/>. It must not call AllocateAdapterChannel itself. Source: nc-wdm-driver_control.md.
/// </summary>
/// <param name="DeviceObject">The device object AllocateAdapterChannel was called for.</param>
/// <param name="Irp">The device object's CurrentIrp when AllocateAdapterChannel was called (the StartIo IRP).</param>
/// <param name="MapRegisterBase">The map registers reserved for the transfer.</param>
/// <param name="Context">The context passed to AllocateAdapterChannel.</param>
/// <returns>KeepObject, DeallocateObject or DeallocateObjectKeepRegisters.</returns>
[Ddi("DRIVER_CONTROL", DdiKind.Callback, "wdm.h", "nc-wdm-driver_control.md", Role = "AdapterControl")]
[IrqlRequires(Irql.DISPATCH_LEVEL)]
public delegate IoAllocationAction DriverControl(
    [DdiParameter(DdiParameterDirection.In)] DeviceObject DeviceObject,
    [DdiParameter(DdiParameterDirection.InOut)] Irp? Irp,
    [DdiParameter(DdiParameterDirection.In)] MapRegisterBase MapRegisterBase,
    [DdiParameter(DdiParameterDirection.In)] object? Context);
