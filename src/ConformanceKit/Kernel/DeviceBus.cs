using System.Runtime.CompilerServices;
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
        EngineRoutine = $"engine of {device}";
    }

    /// <summary>The routine name an engine step of this device runs as (<c>engine of \Device\NetDmaPdo0</c>), made once.</summary>
    internal string EngineRoutine { get; }

    /// <summary>The device (its PDO) this bus belongs to; its name is the initiator in reports.</summary>
    public DeviceObject Device { get; }

    /// <inheritdoc/>
    /// <remarks>
    /// The device moving memory itself makes it a bus master (checked against DEVICE_DESCRIPTION.Master, NDMA4015).
    /// Under a <c>dma-read</c> fault (docs/faults.md), and once the device left the bus (surprise removal), the read
    /// fails without touching memory and <paramref name="destination"/> is zeroed.
    /// </remarks>
    public bool DmaRead(PhysicalAddress address, Span<byte> destination) =>
        TranslateRead(address, (ulong)destination.Length, out var physical)
            ? _kernel.Memory.DmaRead(physical, destination, Device.Name)
            : Refused(destination);

    /// <inheritdoc/>
    /// <remarks>
    /// The device moving memory itself makes it a bus master (checked against DEVICE_DESCRIPTION.Master, NDMA4015).
    /// Once the device left the bus (surprise removal) the write reaches no memory and fails.
    /// </remarks>
    public bool DmaWrite(PhysicalAddress address, ReadOnlySpan<byte> source) =>
        TranslateWrite(address, (ulong)source.Length, out var physical)
        && _kernel.Memory.DmaWrite(physical, source, Device.Name);

    /// <inheritdoc/>
    /// <remarks>
    /// One bus operation with every check of a <see cref="DmaRead"/> of the source followed by a <see cref="DmaWrite"/>
    /// of the destination, in that order and with the same reports (bus master NDMA4015, surprise removal and
    /// <c>dma-read</c> faults, the adapter's mapping NDMA4023/NDMA4027, guard bands and ownership NDMA5001, descriptor
    /// shape NDMA5002); the bytes then move once, storage to storage, with no intermediate buffer.
    /// </remarks>
    public bool DmaCopy(PhysicalAddress source, PhysicalAddress destination, uint length)
    {
        var memory = _kernel.Memory;
        return TranslateRead(source, length, out var physicalSource)
            && memory.BeginDmaCopy(physicalSource, length, Device.Name, out var sourceBuffer)
            && TranslateWrite(destination, length, out var physicalDestination)
            && memory.CompleteDmaCopy(sourceBuffer, physicalSource, physicalDestination, length, Device.Name);
    }

    /// <summary>
    /// The bus's part of a device read before memory answers: bus mastering noted, the device still on the bus, the
    /// address translated by its adapter, no <c>dma-read</c> fault. A read the bus fails is announced as refused.
    /// </summary>
    private bool TranslateRead(PhysicalAddress address, ulong length, out PhysicalAddress physical)
    {
        _kernel.NoteBusMasterDma(Device);
        if (Gone(address, length, "DmaRead"))
        {
            _kernel.Memory.ReportFailedRead(address, length, Device.Name);
            physical = default;
            return false;
        }

        if (_kernel.DeviceAddressToPhysical(Device, address, length, isWrite: false) is not { } translated)
        {
            physical = default;
            return false;
        }

        if (_kernel.Faults is { } faults && faults.FailDmaRead(AccessPoint(address, length, "DmaRead")))
        {
            _kernel.Memory.ReportFailedRead(translated, length, Device.Name);
            physical = default;
            return false;
        }

        physical = translated;
        return true;
    }

    /// <summary>The bus's part of a device write before memory answers: bus mastering noted, the device on the bus, the address translated.</summary>
    private bool TranslateWrite(PhysicalAddress address, ulong length, out PhysicalAddress physical)
    {
        _kernel.NoteBusMasterDma(Device);
        if (Gone(address, length, "DmaWrite"))
        {
            _kernel.Memory.ReportFailedAccess(address, length, isWrite: true, Device.Name);
            physical = default;
            return false;
        }

        if (_kernel.DeviceAddressToPhysical(Device, address, length, isWrite: true) is not { } translated)
        {
            physical = default;
            return false;
        }

        physical = translated;
        return true;
    }

    /// <summary>A failed read leaves zeros in the device's destination.</summary>
    private static bool Refused(Span<byte> destination)
    {
        destination.Clear();
        return false;
    }

    /// <summary>
    /// The fault point's name (docs/faults.md), formatted only when a fault plan is there to count it; out of line
    /// (never inlined), so the formatting does not enlarge the frame of every device access.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private string AccessPoint(PhysicalAddress address, ulong length, string routine) =>
        $"{Device.Name} {routine}({address}, {length} bytes)";

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
    /// True when the device is off the bus for the access: already removed, or a <c>surprise-removal</c> fault takes it
    /// off now (docs/faults.md), mid-transfer.
    /// </summary>
    private bool Gone(PhysicalAddress address, ulong length, string routine)
    {
        if (!Removed && _kernel.Faults is { } faults && faults.SurpriseRemoval(AccessPoint(address, length, routine)))
        {
            _kernel.SurpriseRemove(Device);
        }

        return Removed;
    }

    /// <inheritdoc/>
    public void AttachEngine(ISimulatedEngine engine) => _kernel.AttachEngine(this, engine);
}
