using System.Buffers.Binary;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ReferenceProvider.NetDma;

/// <summary>
/// The 64-bit completion status a DMA engine writes at <c>CompletionPhysicalAddress</c>: the physical address of the
/// most recent descriptor ORed with a <see cref="NetDmaTransferStatus"/>. Descriptors are 64-byte aligned, so the low
/// six bits of the address are free for the status. Source: ns-netdma-_net_dma_channel_parameters.md
/// (CompletionPhysicalAddress); rule NDMA5005.
/// </summary>
public static class CompletionStatus
{
    /// <summary>Size of the completion status in bytes.</summary>
    public const int SizeInBytes = 8;

    /// <summary>The status value: <paramref name="descriptor"/> | <paramref name="status"/>.</summary>
    /// <param name="descriptor">Physical address of the most recent descriptor (64-byte aligned).</param>
    /// <param name="status">The transfer status.</param>
    public static ulong Encode(PhysicalAddress descriptor, NetDmaTransferStatus status) => descriptor.QuadPart | (ulong)status;

    /// <summary>The 8 little-endian bytes the engine writes for <see cref="Encode"/>.</summary>
    /// <param name="descriptor">Physical address of the most recent descriptor.</param>
    /// <param name="status">The transfer status.</param>
    public static byte[] ToBytes(PhysicalAddress descriptor, NetDmaTransferStatus status)
    {
        var bytes = new byte[SizeInBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, Encode(descriptor, status));
        return bytes;
    }
}
