using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Wdm;

namespace NetDma.Contracts.Platform;

/// <summary>
/// What AddDevice receives in the simulation: the system's services a driver links against (NetDMA, the kernel),
/// the PDO the PnP manager created, and the bus its hardware engine uses.
/// </summary>
/// <param name="NetDma">The NetDMA interface's exported functions.</param>
/// <param name="Kernel">The kernel's routines.</param>
/// <param name="PhysicalDeviceObject">The device's PDO.</param>
/// <param name="Bus">The hardware side: physical memory and interrupts.</param>
public sealed record DriverEnvironment(INetDma NetDma, IWdmKernel Kernel, DeviceObject PhysicalDeviceObject, IDeviceBus Bus);
