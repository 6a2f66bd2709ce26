using System.Buffers.Binary;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;

namespace NetDma.Contracts.NetDma;

/// <summary>
/// <c>NET_DMA_DESCRIPTOR</c>: one 64-byte, 64-byte-aligned entry of a descriptor chain in physical memory.
/// Layout (little-endian, offsets in bytes): 0 TransferSize/DCAContext (ULONG union), 4 ControlFlags, 8 SourceAddress,
/// 16 DestinationAddress, 24 NextDescriptor, 32 Reserved1/NextSourceAddress, 40 Reserved2/NextDestinationAddress,
/// 48 UserContext1, 56 UserContext2. In NetDMA 1.x the last descriptor's NextDescriptor is NULL; in NetDMA 2.0 it is
/// the address the next ProviderAppendDma will start at (nc-netdma-dma_start_handler.md).
/// Source: ns-netdma-_net_dma_descriptor.md.
/// </summary>
[DdiStruct("NET_DMA_DESCRIPTOR", "netdma.h", "ns-netdma-_net_dma_descriptor.md")]
public struct NetDmaDescriptor
{
    /// <summary>Size of a descriptor in bytes; also its required alignment.</summary>
    public const int SizeInBytes = 64;

    /// <summary>Bytes to copy (union with the DCA contexts).</summary>
    [DdiField(1)]
    public uint TransferSize;

    /// <summary>The union member read as a 32-bit DCA context.</summary>
    [DdiField(2)]
    public readonly NetDmaDcaContext32 DCAContext32 => new(TransferSize);

    /// <summary>The union member read as a 16-bit DCA context and 16 reserved bits.</summary>
    [DdiField(3)]
    public readonly NetDmaDcaContext16 DCAContext16 => new((ushort)TransferSize, (ushort)(TransferSize >> 16));

    /// <summary>The union member read as an 8-bit DCA context (target APIC ID) and 24 reserved bits.</summary>
    [DdiField(4)]
    public readonly NetDmaDcaContext8 DCAContext8 => new((byte)TransferSize, TransferSize >> 8);

    /// <summary>Operation flags (<see cref="NetDmaDescriptorControlFlags"/>).</summary>
    [DdiField(5)]
    public NetDmaDescriptorControlFlags ControlFlags;

    /// <summary>Physical address of the source bytes.</summary>
    [DdiField(6)]
    public PhysicalAddress SourceAddress;

    /// <summary>Physical address of the destination bytes.</summary>
    [DdiField(7)]
    public PhysicalAddress DestinationAddress;

    /// <summary>Physical address of the next descriptor (see the version note on the type).</summary>
    [DdiField(8)]
    public PhysicalAddress NextDescriptor;

    /// <summary>Reserved for the provider (union with <see cref="NextSourceAddress"/>).</summary>
    [DdiField(9)]
    public ulong Reserved1;

    /// <summary>NetDMA 2.0 source page break: where the source continues after its first page (union with <see cref="Reserved1"/>).</summary>
    [DdiField(10)]
    public readonly PhysicalAddress NextSourceAddress => new(Reserved1);

    /// <summary>Reserved for the provider (union with <see cref="NextDestinationAddress"/>).</summary>
    [DdiField(11)]
    public ulong Reserved2;

    /// <summary>NetDMA 2.0 destination page break: where the destination continues after its first page (union with <see cref="Reserved2"/>).</summary>
    [DdiField(12)]
    public readonly PhysicalAddress NextDestinationAddress => new(Reserved2);

    /// <summary>Reserved for the NetDMA interface.</summary>
    [DdiField(13)]
    public ulong UserContext1;

    /// <summary>Reserved for the NetDMA interface.</summary>
    [DdiField(14)]
    public ulong UserContext2;

    /// <summary>Decodes a descriptor from its 64-byte image.</summary>
    /// <exception cref="ArgumentException">The span is shorter than <see cref="SizeInBytes"/>.</exception>
    public static NetDmaDescriptor Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < SizeInBytes)
        {
            throw new ArgumentException($"A NET_DMA_DESCRIPTOR is {SizeInBytes} bytes; got {bytes.Length}.", nameof(bytes));
        }

        return new NetDmaDescriptor
        {
            TransferSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes),
            ControlFlags = (NetDmaDescriptorControlFlags)BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]),
            SourceAddress = new(BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..])),
            DestinationAddress = new(BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..])),
            NextDescriptor = new(BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..])),
            Reserved1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[32..]),
            Reserved2 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[40..]),
            UserContext1 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[48..]),
            UserContext2 = BinaryPrimitives.ReadUInt64LittleEndian(bytes[56..]),
        };
    }

    /// <summary>Encodes the descriptor into its 64-byte image.</summary>
    /// <exception cref="ArgumentException">The span is shorter than <see cref="SizeInBytes"/>.</exception>
    public readonly void Write(Span<byte> bytes)
    {
        if (bytes.Length < SizeInBytes)
        {
            throw new ArgumentException($"A NET_DMA_DESCRIPTOR is {SizeInBytes} bytes; got {bytes.Length}.", nameof(bytes));
        }

        BinaryPrimitives.WriteUInt32LittleEndian(bytes, TransferSize);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[4..], (uint)ControlFlags);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], SourceAddress.QuadPart);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[16..], DestinationAddress.QuadPart);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[24..], NextDescriptor.QuadPart);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[32..], Reserved1);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[40..], Reserved2);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[48..], UserContext1);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[56..], UserContext2);
    }
}
