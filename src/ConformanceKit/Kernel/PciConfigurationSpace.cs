using NetDma.ConformanceKit.Catalog;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>
/// The simulated PCI bus driver's view of one device's configuration space: the 256-byte header whose first word is
/// the VendorID (and second the DeviceID), served through the BUS_INTERFACE_STANDARD GetBusData routine of
/// <see cref="Interface"/>. Every read is traced and its caller's IRQL checked (GET_SET_DEVICE_DATA: &lt;= DISPATCH_LEVEL).
/// NET_DMA_PROVIDER_ATTRIBUTES.VendorId must be this VendorID (ns-netdma-_net_dma_provider_attributes.md).
/// </summary>
public sealed class PciConfigurationSpace
{
    /// <summary>Bytes of the PCI configuration space of a conventional PCI function.</summary>
    public const int Size = 256;

    /// <summary>The DeviceID of the simulated DMA engine (any fixed value; NetDMA reports only the vendor).</summary>
    public const ushort SimulatedDeviceId = 0x0001;

    private static readonly IrqlRequirement GetBusDataIrql = IrqlRequirement.Of(typeof(GetSetDeviceData));
    private readonly byte[] _space = new byte[Size];
    private readonly SimulatedKernel _kernel;

    /// <summary>The configuration space of <paramref name="device"/> with <paramref name="vendorId"/> as its VendorID.</summary>
    public PciConfigurationSpace(SimulatedKernel kernel, DeviceObject device, ushort vendorId)
    {
        _kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        Device = device ?? throw new ArgumentNullException(nameof(device));
        VendorId = vendorId;
        BitConverter.TryWriteBytes(_space.AsSpan((int)BusInterfaceStandard.PCI_COMMON_CONFIG_VENDOR_ID_OFFSET, 2), vendorId);
        BitConverter.TryWriteBytes(_space.AsSpan((int)BusInterfaceStandard.PCI_COMMON_CONFIG_DEVICE_ID_OFFSET, 2), SimulatedDeviceId);
        Interface = new BusInterfaceStandard(this, GetBusData);
    }

    /// <summary>The device (its PDO).</summary>
    public DeviceObject Device { get; }

    /// <summary>The VendorID word at offset 0.</summary>
    public ushort VendorId { get; }

    /// <summary>The BUS_INTERFACE_STANDARD the PDO answers IRP_MN_QUERY_INTERFACE with.</summary>
    public BusInterfaceStandard Interface { get; }

    private uint GetBusData(object? Context, uint DataType, byte[] Buffer, uint Offset, uint Length)
    {
        _kernel.Log.Trace.Record($"{_kernel.Where} driver -> GetBusData(DataType={DataType}, Offset={Offset}, Length={Length})");
        if (!_kernel.CheckCallerIrql("GetBusData", GetBusDataIrql, KernelRoutineContract.DefaultPage) && _kernel.InHardwareContext)
        {
            return 0;
        }

        // An unknown space, a foreign context, a range past the header or a short buffer reads nothing, as the PCI
        // bus driver returns 0 bytes read.
        if (DataType != BusInterfaceStandard.PCI_WHICHSPACE_CONFIG || !ReferenceEquals(Context, this) || Buffer is null
            || (ulong)Offset + Length > Size || Length > (uint)Buffer.Length)
        {
            return 0;
        }

        _space.AsSpan((int)Offset, (int)Length).CopyTo(Buffer);
        return Length;
    }
}
