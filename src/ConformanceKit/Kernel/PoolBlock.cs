using NetDma.Contracts.Kernel;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>An outstanding ExAllocatePool2 block.</summary>
/// <param name="Address">The block's virtual address (what ExAllocatePool2 returned).</param>
/// <param name="NumberOfBytes">Its size in bytes.</param>
/// <param name="Tag">The pool tag as passed (a four-character ULONG, first character in the low byte).</param>
/// <param name="PoolType">Paged or non-paged.</param>
/// <param name="AllocatedIn">The routine that allocated it, for leak reports.</param>
public sealed record PoolBlock(VirtualAddress Address, ulong NumberOfBytes, uint Tag, PoolType PoolType, string AllocatedIn)
{
    /// <summary>Which ExAllocatePool2 call returned it: 1 for the first block of the run, then counting up.</summary>
    public int Sequence { get; init; }

    /// <summary>The tag as its four characters in memory order (non-printable bytes as '.'), e.g. <c>Ndma</c>.</summary>
    public string TagText => TagToText(Tag);

    /// <summary>Report form: <c>pool block 0x... (64 bytes, tag 'Ndma', NonPagedPoolNx)</c>.</summary>
    public override string ToString() => $"pool block {Address} ({NumberOfBytes} bytes, tag '{TagText}', {PoolType})";

    internal static string TagToText(uint tag) => string.Create(4, tag, static (span, value) =>
    {
        for (var i = 0; i < 4; i++)
        {
            var c = (char)((value >> (8 * i)) & 0xFF);
            span[i] = c is >= ' ' and <= '~' ? c : '.';
        }
    });
}
