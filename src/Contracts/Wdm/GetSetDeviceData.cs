using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>GET_SET_DEVICE_DATA</c>: the type of <see cref="BusInterfaceStandard.GetBusData"/>, which reads
/// <paramref name="Length"/> bytes of the device's bus-specific space (<paramref name="DataType"/>
/// <see cref="BusInterfaceStandard.PCI_WHICHSPACE_CONFIG"/>: the PCI configuration space) starting at byte
/// <paramref name="Offset"/> into <paramref name="Buffer"/>. Callable at IRQL &lt;= DISPATCH_LEVEL (wdm.h).
/// </summary>
/// <param name="Context">The interface's <see cref="BusInterfaceStandard.Context"/>.</param>
/// <param name="DataType">Which space: <see cref="BusInterfaceStandard.PCI_WHICHSPACE_CONFIG"/>.</param>
/// <param name="Buffer">Receives the bytes; at least <paramref name="Length"/> long.</param>
/// <param name="Offset">First byte of the space to read.</param>
/// <param name="Length">Bytes to read.</param>
/// <returns>The number of bytes read (0 for an unknown space or a range outside it).</returns>
[IrqlRequiresMax(Irql.DISPATCH_LEVEL)]
public delegate uint GetSetDeviceData(object? Context, uint DataType, byte[] Buffer, uint Offset, uint Length);
