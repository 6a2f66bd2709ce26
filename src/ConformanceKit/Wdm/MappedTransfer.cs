using NetDma.Contracts.Platform;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Wdm;

/// <summary>One MapTransfer not yet flushed with FlushAdapterBuffers.</summary>
/// <param name="Mdl">The MDL MapTransfer was given (FlushAdapterBuffers must pass the same one, nc-wdm-pflush_adapter_buffers.md).</param>
/// <param name="CurrentVa">Virtual address of the first mapped byte.</param>
/// <param name="Length">Bytes mapped.</param>
/// <param name="WriteToDevice">The direction.</param>
/// <param name="Pages">Map registers it occupies (pages the range spans).</param>
internal sealed record MappedTransfer(Mdl Mdl, VirtualAddress CurrentVa, uint Length, bool WriteToDevice, uint Pages)
{
    /// <summary>CPU physical address of the first mapped byte (its logical address adds <see cref="SimulatedDmaAdapter.LogicalAddressOffset"/>).</summary>
    public PhysicalAddress PhysicalStart => Mdl.PhysicalBase.Offset(CurrentVa.Value - Mdl.StartVa.Value);

    /// <summary>Report form: <c>4096 bytes at 0x... (to device)</c>.</summary>
    public override string ToString() => $"{Length} bytes at {CurrentVa} ({(WriteToDevice ? "to device" : "from device")})";

    /// <summary>True when [<paramref name="va"/>, +<paramref name="length"/>) shares a byte with this mapping.</summary>
    public bool Overlaps(VirtualAddress va, ulong length) =>
        va.Value < CurrentVa.Value + Length && CurrentVa.Value < va.Value + length;
}
