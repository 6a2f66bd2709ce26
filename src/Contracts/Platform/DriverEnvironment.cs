using NetDma.Contracts.Kernel;
using NetDma.Contracts.Ndis;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Wdm;

namespace NetDma.Contracts.Platform;

/// <summary>
/// What AddDevice receives in the simulation: the system's services a driver links against (NetDMA, the kernel,
/// NDIS), the PDO the PnP manager created, the bus its hardware engine uses, and the PCI bus driver's interface to the
/// device's configuration space.
/// </summary>
/// <param name="NetDma">The NetDMA interface's exported functions.</param>
/// <param name="Kernel">The kernel's routines.</param>
/// <param name="PhysicalDeviceObject">The device's PDO.</param>
/// <param name="Bus">The hardware side: physical memory and interrupts.</param>
/// <param name="Ndis">NDIS's NdisGetRoutineAddress, to find NetDmaGetVersion (absent in NetDMA 1.0; nf-netdma-netdmagetversion.md).</param>
/// <param name="BusInterface">
/// The BUS_INTERFACE_STANDARD the PDO's bus driver answers IRP_MN_QUERY_INTERFACE with: GetBusData reads the PCI
/// configuration space, where the vendor ID NET_DMA_PROVIDER_ATTRIBUTES.VendorId reports is (ns-netdma-_net_dma_provider_attributes.md).
/// </param>
public sealed record DriverEnvironment(INetDma NetDma, IWdmKernel Kernel, DeviceObject PhysicalDeviceObject, IDeviceBus Bus, INdis Ndis, BusInterfaceStandard BusInterface);
