using NetDma.Contracts.Platform;
using NetDma.Contracts.Wdm;

namespace NetDma.ReferenceProvider.Wdm;

/// <summary>
/// The progress of the one transfer IRP a <see cref="BusMasterSampleDriver"/> works on: the whole request, and the
/// piece now in flight (the range one AllocateAdapterChannel / MapTransfer / FlushAdapterBuffers / FreeMapRegisters
/// round covers). It is the Context passed to AllocateAdapterChannel and received by AdapterControl.
/// </summary>
/// <param name="irp">The IRP StartIo received.</param>
internal sealed class BusMasterTransfer(Irp irp)
{
    /// <summary>The request.</summary>
    public Irp Irp { get; } = irp;

    /// <summary>The request's buffer.</summary>
    public Mdl Mdl => Irp.MdlAddress;

    /// <summary>True for memory-to-device transfers.</summary>
    public bool WriteToDevice => Irp.WriteToDevice;

    /// <summary>Bytes of the request transferred by completed pieces.</summary>
    public uint BytesTransferred { get; set; }

    /// <summary>Virtual address of the piece's first byte: the CurrentVa of MapTransfer and FlushAdapterBuffers.</summary>
    public VirtualAddress PieceVirtualAddress { get; set; }

    /// <summary>Length of the piece in bytes (after MapTransfer: the bytes it mapped).</summary>
    public uint PieceLength { get; set; }

    /// <summary>Map registers requested for the piece; FreeMapRegisters must free the same count (nc-wdm-pfree_map_registers.md).</summary>
    public uint PieceMapRegisters { get; set; }

    /// <summary>The map registers AdapterControl received for the piece, held until the DPC frees them; null when none are held.</summary>
    public MapRegisterBase? MapRegisterBase { get; set; }
}
