using NetDma.Contracts.Platform;

namespace NetDma.ReferenceProvider.Wdm;

/// <summary>
/// The bus-master device of the <see cref="BusMasterSampleDriver"/>: a store of bytes on the device and a DMA engine
/// that moves one programmed range between the store and memory, then interrupts.
/// </summary>
/// <remarks>
/// It is hardware: it works only in <see cref="Step"/>, touches memory only through the <see cref="IDeviceBus"/>, and
/// calls no kernel routine. A transfer to the device (<c>WriteToDevice</c>) reads memory into the store at the
/// programmed device offset; a transfer from the device writes the store's bytes there into memory. Bytes the device
/// was never given read as <see cref="PatternByte"/>, so what a read request returns is known in advance.
/// </remarks>
public sealed class BusMasterDeviceEngine : ISimulatedEngine
{
    private readonly IDeviceBus _bus;
    private readonly uint _messageId;
    private byte[] _store = [];
    private bool _programmed;
    private PhysicalAddress _logicalAddress;
    private uint _length;
    private bool _writeToDevice;
    private ulong _deviceOffset;
    private bool _interruptPending;

    /// <summary>Creates an idle device.</summary>
    /// <param name="bus">The bus the device masters.</param>
    /// <param name="messageId">The interrupt it signals: an MSI-X message number, or 0 for the line-based interrupt.</param>
    public BusMasterDeviceEngine(IDeviceBus bus, uint messageId)
    {
        ArgumentNullException.ThrowIfNull(bus);
        _bus = bus;
        _messageId = messageId;
    }

    /// <summary>True when the last transfer reached all of its memory (its status register's error bit is clear).</summary>
    public bool LastTransferSucceeded { get; private set; } = true;

    /// <summary>The byte a never-written device offset holds: <c>(offset * 31 + 7) mod 256</c>.</summary>
    /// <param name="deviceOffset">Offset in the device's store, in bytes.</param>
    public static byte PatternByte(ulong deviceOffset) => unchecked((byte)((deviceOffset * 31) + 7));

    /// <summary>The byte at <paramref name="deviceOffset"/> of the device's store.</summary>
    /// <param name="deviceOffset">Offset in the device's store, in bytes.</param>
    public byte ReadDeviceByte(ulong deviceOffset) =>
        deviceOffset < (ulong)_store.Length ? _store[deviceOffset] : PatternByte(deviceOffset);

    /// <summary>
    /// Programs one transfer (the driver's AdapterControl does, after MapTransfer): <paramref name="length"/> bytes
    /// between logical address <paramref name="logicalAddress"/> and device offset <paramref name="deviceOffset"/>.
    /// </summary>
    /// <param name="logicalAddress">The logical (bus) address MapTransfer returned.</param>
    /// <param name="length">Bytes to move.</param>
    /// <param name="writeToDevice">True to move memory to the device, false to move device bytes to memory.</param>
    /// <param name="deviceOffset">Offset in the device's store, in bytes.</param>
    public void Program(PhysicalAddress logicalAddress, uint length, bool writeToDevice, ulong deviceOffset)
    {
        _logicalAddress = logicalAddress;
        _length = length;
        _writeToDevice = writeToDevice;
        _deviceOffset = deviceOffset;
        _programmed = true;
    }

    /// <summary>Reads and clears the interrupt status, as an ISR does with a read-to-clear register.</summary>
    /// <returns>True when the device had signaled an interrupt not yet acknowledged.</returns>
    public bool AcknowledgeInterrupt()
    {
        var pending = _interruptPending;
        _interruptPending = false;
        return pending;
    }

    /// <summary>Stops the device: a programmed transfer that has not run is dropped and no interrupt stays pending.</summary>
    public void Reset()
    {
        _programmed = false;
        _interruptPending = false;
    }

    /// <summary>Performs the programmed transfer, if any, then signals the interrupt.</summary>
    /// <returns>True when a transfer was performed.</returns>
    public bool Step()
    {
        if (!_programmed)
        {
            return false;
        }

        _programmed = false;
        EnsureStore(_deviceOffset + _length);
        var deviceBytes = _store.AsSpan((int)_deviceOffset, (int)_length);
        LastTransferSucceeded = _writeToDevice
            ? _bus.DmaRead(_logicalAddress, deviceBytes)
            : _bus.DmaWrite(_logicalAddress, deviceBytes);
        _interruptPending = true;
        _bus.RequestInterrupt(_messageId);
        return true;
    }

    private void EnsureStore(ulong size)
    {
        if (size <= (ulong)_store.Length)
        {
            return;
        }

        var grown = new byte[size];
        _store.CopyTo(grown, 0);
        for (var offset = (ulong)_store.Length; offset < size; offset++)
        {
            grown[offset] = PatternByte(offset);
        }

        _store = grown;
    }
}
