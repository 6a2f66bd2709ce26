namespace NetDma.Contracts.Wdm;

/// <summary>
/// <c>IRP</c>, reduced to a DMA transfer request: the buffer it moves (as an <see cref="Mdl"/>), the direction and the
/// final status. Completed by the driver through <c>IoStatus</c>.
/// </summary>
/// <param name="mdl">The buffer the transfer reads or writes.</param>
/// <param name="writeToDevice">True for a transfer from memory to the device.</param>
public sealed class Irp(Mdl mdl, bool writeToDevice)
{
    /// <summary>The buffer described by the request.</summary>
    public Mdl MdlAddress { get; } = mdl;

    /// <summary>True when data moves from memory to the device (a write request).</summary>
    public bool WriteToDevice { get; } = writeToDevice;

    /// <summary><c>IoStatus.Status</c>; <see langword="null"/> until the driver completes the IRP.</summary>
    public Status.NtStatus? CompletionStatus { get; set; }

    /// <summary><c>IoStatus.Information</c>: bytes transferred.</summary>
    public ulong Information { get; set; }
}
