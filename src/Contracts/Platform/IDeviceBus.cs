using System.Buffers;

namespace NetDma.Contracts.Platform;

/// <summary>
/// The bus as a device's <b>hardware</b> sees it (not a DDI: the simulated platform's side of a PCI device). A
/// software DMA engine reads and writes physical memory through it and raises interrupts. Every access is checked
/// against the simulated physical memory: touching bytes outside any allocated buffer (a guard band, freed memory)
/// is recorded as a violation attributed to the device and the operation in progress (rule NDMA5001), and the access
/// does not happen.
/// </summary>
public interface IDeviceBus
{
    /// <summary>Bus-master read: copy <paramref name="destination"/>.Length bytes starting at <paramref name="address"/>.</summary>
    /// <param name="address">Physical address of the first byte.</param>
    /// <param name="destination">Receives the bytes.</param>
    /// <returns>True when every byte lay inside one allocated buffer and was read.</returns>
    bool DmaRead(PhysicalAddress address, Span<byte> destination);

    /// <summary>Bus-master write of <paramref name="source"/> at <paramref name="address"/>.</summary>
    /// <param name="address">Physical address of the first byte.</param>
    /// <param name="source">The bytes to write.</param>
    /// <returns>True when every byte lay inside one allocated buffer and was written.</returns>
    bool DmaWrite(PhysicalAddress address, ReadOnlySpan<byte> source);

    /// <summary>
    /// Bus-master copy, memory to memory, as a copy engine moves a descriptor's run: <paramref name="length"/> bytes
    /// from <paramref name="source"/> to <paramref name="destination"/>. Checked like a <see cref="DmaRead"/> of the
    /// source followed by a <see cref="DmaWrite"/> of the destination (the same checks and reports, in that order);
    /// nothing is written when the read fails.
    /// </summary>
    /// <remarks>
    /// The platform's bus overrides this to copy storage to storage once with no intermediate buffer. This default
    /// is the read-then-write it is equivalent to, so a bus that only intercepts reads or writes (a test double that
    /// corrupts a write) sees every copy through them.
    /// </remarks>
    /// <param name="source">Physical address of the first source byte.</param>
    /// <param name="destination">Physical address of the first destination byte.</param>
    /// <param name="length">Bytes to copy.</param>
    /// <returns>True when both ranges lay inside allocated buffers and the bytes were copied.</returns>
    bool DmaCopy(PhysicalAddress source, PhysicalAddress destination, uint length)
    {
        var bytes = ArrayPool<byte>.Shared.Rent((int)Math.Min(length, int.MaxValue));
        try
        {
            var run = bytes.AsSpan(0, (int)length);
            return DmaRead(source, run) && DmaWrite(destination, run);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// Signal interrupt <paramref name="messageId"/> (an MSI-X message number, or 0 for the line-based interrupt).
    /// The platform delivers it to the connected ISR at DIRQL on the message's target processor.
    /// </summary>
    /// <param name="messageId">The message number.</param>
    void RequestInterrupt(uint messageId);

    /// <summary>
    /// Attach the device's engine to the platform's hardware clock: the platform calls
    /// <see cref="ISimulatedEngine.Step"/> whenever it lets hardware run.
    /// </summary>
    /// <param name="engine">The engine.</param>
    void AttachEngine(ISimulatedEngine engine);
}
