using NetDma.ConformanceKit.Kernel;
using NetDma.ConformanceKit.Memory;
using NetDma.ConformanceKit.Tests.Kernel;
using NetDma.ConformanceKit.Wdm;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.Wdm;

/// <summary>A kernel with one device and its DMA adapter, obtained as a driver would at PASSIVE_LEVEL.</summary>
internal sealed class AdapterTestKit
{
    public AdapterTestKit(bool master = true, uint maximumLength = 3 * 4096, uint version = DeviceDescription.DEVICE_DESCRIPTION_VERSION)
    {
        Pdo = new DeviceObject(@"\Device\Pdo0");
        Fdo = new DeviceObject(@"\Device\Fdo0");
        Bus = Kit.Kernel.AttachDevice(Pdo);
        var description = new DeviceDescription
        {
            Version = version, Master = master, ScatterGather = true, Dma64BitAddresses = true, MaximumLength = maximumLength,
            DmaAddressWidth = version >= DeviceDescription.DEVICE_DESCRIPTION_VERSION3 ? 64u : 0u,
        };
        uint registers = 0;
        DmaAdapter? adapter = null;
        // IRP_MN_START_DEVICE is where a PnP driver gets its adapter (nf-wdm-iogetdmaadapter.md, NDMA4018).
        Kit.Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL, SimulatedKernel.StartDeviceRoutineName, "nf-wdm-iogetdmaadapter.md",
            () => adapter = Kit.Kernel.IoGetDmaAdapter(Pdo, description, out registers));
        Adapter = adapter!;
        MaximumMapRegisters = registers;
        Simulated = Kit.Kernel.FindDmaAdapter(Adapter)!;
    }

    public KernelTestKit Kit { get; } = new();

    public DeviceObject Pdo { get; }

    public DeviceObject Fdo { get; }

    /// <summary>The PDO's bus: its device reaches memory through the adapter's logical addresses.</summary>
    public DeviceBus Bus { get; }

    public DmaAdapter Adapter { get; }

    public SimulatedDmaAdapter Simulated { get; }

    public uint MaximumMapRegisters { get; }

    public DmaOperations Ops => Adapter.DmaOperations;

    public (Mdl Mdl, MemoryBuffer Buffer) NewTransferBuffer(uint bytes, string name = "xfer")
    {
        var buffer = Kit.Kernel.Memory.Allocate(name, bytes, MemoryKind.Data, alignment: 4096);
        return (new Mdl(buffer.VirtualBase, buffer.PhysicalBase, bytes), buffer);
    }

    public void AtDispatch(Action body) => Kit.AtDispatch(body);

    public Irql IrqlNow => Kit.Kernel.CurrentIrql;
}
