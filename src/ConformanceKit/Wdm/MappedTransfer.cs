using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Wdm;

/// <summary>One MapTransfer not yet flushed with FlushAdapterBuffers.</summary>
/// <param name="CurrentVa">Virtual address of the first mapped byte.</param>
/// <param name="Length">Bytes mapped.</param>
/// <param name="WriteToDevice">The direction.</param>
/// <param name="Pages">Map registers it occupies (pages the range spans).</param>
internal sealed record MappedTransfer(VirtualAddress CurrentVa, uint Length, bool WriteToDevice, uint Pages)
{
    /// <summary>Report form: <c>4096 bytes at 0x... (to device)</c>.</summary>
    public override string ToString() => $"{Length} bytes at {CurrentVa} ({(WriteToDevice ? "to device" : "from device")})";
}
