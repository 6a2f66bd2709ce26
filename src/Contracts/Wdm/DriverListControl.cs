using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>DRIVER_LIST_CONTROL</c>: the routine GetScatterGatherList calls, at DISPATCH_LEVEL, with the built list. Its own
/// page is not in the spec corpus; its IRQL comes from nc-wdm-pget_scatter_gather_list.md.
/// </summary>
/// <param name="DeviceObject">The device object.</param>
/// <param name="Irp">The device object's current IRP.</param>
/// <param name="ScatterGather">The list; return it with PutScatterGatherList.</param>
/// <param name="Context">The context passed to GetScatterGatherList.</param>
[IrqlRequires(Irql.DISPATCH_LEVEL)]
public delegate void DriverListControl(DeviceObject DeviceObject, Irp? Irp, ScatterGatherList ScatterGather, object? Context);
