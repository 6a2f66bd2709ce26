using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Host;
using NetDma.ConformanceKit.Kernel;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Running;

/// <summary>
/// The simulated machine of one script: kernel (with physical memory), NetDMA host, the device's PDO, bus and PCI
/// configuration space, and a freshly created driver of the kind the script exercises.
/// </summary>
internal sealed class World
{
    public World(HostOptions options, ViolationLog log, string driverKind, IDriverFactory factory)
    {
        Kernel = new SimulatedKernel(options.ProcessorCount, log) { DmaAlignment = options.DmaAlignment };
        Host = new NetDmaHost(Kernel, options);
        Pdo = new DeviceObject(@"\Device\NetDmaPdo0");
        Bus = Kernel.AttachDevice(Pdo);
        ConfigurationSpace = new PciConfigurationSpace(Kernel, Pdo, options.PciVendorId);
        Host.PhysicalDeviceObject = Pdo;
        Environment = new DriverEnvironment(Host, Kernel, Pdo, Bus, Host, ConfigurationSpace.Interface);
        if (driverKind == "wdm")
        {
            WdmDriver = factory.CreateWdmDriver() ?? throw new DriverUnavailableException($"{factory.Name} has no WDM DMA driver (IWdmDmaDriver); WDM scripts do not apply");
        }
        else
        {
            NetDmaDriver = factory.CreateNetDmaDriver() ?? throw new DriverUnavailableException($"{factory.Name} has no NetDMA provider driver (INetDmaProviderDriver); NetDMA scripts do not apply");
        }
    }

    public SimulatedKernel Kernel { get; }

    public NetDmaHost Host { get; }

    public DeviceObject Pdo { get; }

    public IDeviceBus Bus { get; }

    /// <summary>The device's PCI configuration space, read through the BUS_INTERFACE_STANDARD of <see cref="Environment"/>.</summary>
    public PciConfigurationSpace ConfigurationSpace { get; }

    public DriverEnvironment Environment { get; }

    public INetDmaProviderDriver? NetDmaDriver { get; }

    public IWdmDmaDriver? WdmDriver { get; }

    /// <summary>The WDM driver's FDO, once AddDevice returned one.</summary>
    public DeviceObject? Fdo { get; set; }
}
