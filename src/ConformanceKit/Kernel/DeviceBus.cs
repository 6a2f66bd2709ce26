using NetDma.Contracts.Platform;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>
/// A device's side of the simulated PCI bus (<see cref="IDeviceBus"/>), returned by
/// <see cref="SimulatedKernel.AttachDevice"/>. DMA goes to the kernel's <see cref="Memory.PhysicalMemory"/> with the
/// device's name as initiator (checked: NDMA5001, NDMA5002), through its DMA adapter's translation when its driver got
/// one (logical addresses; checked: NDMA4023, NDMA4027); interrupts are queued for delivery to the connected ISR;
/// the engine joins the kernel's hardware clock (<see cref="SimulatedKernel.RunHardware"/>).
/// </summary>
public sealed class DeviceBus : IDeviceBus
{
    private readonly SimulatedKernel _kernel;

    internal DeviceBus(SimulatedKernel kernel, DeviceObject device)
    {
        _kernel = kernel;
        Device = device;
    }

    /// <summary>The device (its PDO) this bus belongs to; its name is the initiator in reports.</summary>
    public DeviceObject Device { get; }

    /// <inheritdoc/>
    /// <remarks>
    /// The device moving memory itself makes it a bus master (checked against DEVICE_DESCRIPTION.Master, NDMA4015).
    /// Under a <c>dma-read</c> fault (docs/faults.md), and once the device left the bus (surprise removal), the read
    /// fails without touching memory and <paramref name="destination"/> is zeroed.
    /// </remarks>
    public bool DmaRead(PhysicalAddress address, Span<byte> destination)
    {
        _kernel.NoteBusMasterDma(Device);
        var access = $"{Device.Name} DmaRead({address}, {destination.Length} bytes)";
        if (Gone(access))
        {
            destination.Clear();
            _kernel.Memory.ReportFailedRead(address, (ulong)destination.Length, Device.Name);
            return false;
        }

        if (_kernel.DeviceAddressToPhysical(Device, address, (ulong)destination.Length, isWrite: false) is not { } physical)
        {
            return false;
        }

        if (_kernel.Faults?.FailDmaRead(access) == true)
        {
            destination.Clear();
            _kernel.Memory.ReportFailedRead(physical, (ulong)destination.Length, Device.Name);
            return false;
        }

        return _kernel.Memory.DmaRead(physical, destination, Device.Name);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The device moving memory itself makes it a bus master (checked against DEVICE_DESCRIPTION.Master, NDMA4015).
    /// Once the device left the bus (surprise removal) the write reaches no memory and fails.
    /// </remarks>
    public bool DmaWrite(PhysicalAddress address, ReadOnlySpan<byte> source)
    {
        _kernel.NoteBusMasterDma(Device);
        if (Gone($"{Device.Name} DmaWrite({address}, {source.Length} bytes)"))
        {
            _kernel.Memory.ReportFailedAccess(address, (ulong)source.Length, isWrite: true, Device.Name);
            return false;
        }

        return _kernel.DeviceAddressToPhysical(Device, address, (ulong)source.Length, isWrite: true) is { } physical
            && _kernel.Memory.DmaWrite(physical, source, Device.Name);
    }

    /// <inheritdoc/>
    /// <remarks>The interrupt is delivered by <see cref="SimulatedKernel.DeliverInterrupts"/>, which
    /// <see cref="SimulatedKernel.RunHardware"/> calls after every engine step.</remarks>
    public void RequestInterrupt(uint messageId)
    {
        // A device that left the bus raises no interrupt.
        if (!Removed)
        {
            _kernel.QueueInterrupt(this, messageId);
        }
    }

    /// <summary>True once the device left the bus (surprise removal, <see cref="SimulatedKernel.SurpriseRemove"/>).</summary>
    internal bool Removed { get; set; }

    /// <summary>
    /// True when the device is off the bus for the access at <paramref name="point"/>: already removed, or a
    /// <c>surprise-removal</c> fault takes it off now (docs/faults.md), mid-transfer.
    /// </summary>
    private bool Gone(string point)
    {
        if (!Removed && _kernel.Faults?.SurpriseRemoval(point) == true)
        {
            _kernel.SurpriseRemove(Device);
        }

        return Removed;
    }

    /// <inheritdoc/>
    public void AttachEngine(ISimulatedEngine engine) => _kernel.AttachEngine(this, engine);
}
