namespace NetDma.Contracts.Wdm;

/// <summary>
/// The opaque <c>MapRegisterBase</c> the I/O manager passes to AdapterControl; the driver hands it back to MapTransfer,
/// FlushAdapterBuffers and FreeMapRegisters. Only the system interprets <see cref="Value"/>.
/// </summary>
/// <param name="Value">Opaque value; 0 is never a valid base.</param>
public readonly record struct MapRegisterBase(ulong Value)
{
    /// <inheritdoc/>
    public override string ToString() => $"mapregs#{Value}";
}
