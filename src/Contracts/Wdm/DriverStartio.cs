using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>DRIVER_STARTIO</c> (StartIo): the I/O manager calls it at DISPATCH_LEVEL with the next queued IRP, one at a time
/// per device object; it sets up the transfer (for DMA drivers: AllocateAdapterChannel). No return value.
/// Source: nc-wdm-driver_startio.md.
/// </summary>
/// <param name="DeviceObject">The target device object.</param>
/// <param name="Irp">The IRP to start; it is also <c>DeviceObject.CurrentIrp</c>.</param>
[Ddi("DRIVER_STARTIO", DdiKind.Callback, "wdm.h", "nc-wdm-driver_startio.md", Role = "StartIo")]
[IrqlRequires(Irql.DISPATCH_LEVEL)]
public delegate void DriverStartio(
    [DdiParameter(DdiParameterDirection.InOut)] DeviceObject DeviceObject,
    [DdiParameter(DdiParameterDirection.InOut)] Irp Irp);
