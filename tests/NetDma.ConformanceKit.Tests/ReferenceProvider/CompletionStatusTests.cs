using System.Buffers.Binary;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.ReferenceProvider.NetDma;

namespace NetDma.ConformanceKit.Tests.ReferenceProvider;

public sealed class CompletionStatusTests
{
    [Theory]
    [InlineData(NetDmaTransferStatus.NetDmaTransferStatusActive, 0x1040UL)]
    [InlineData(NetDmaTransferStatus.NetDmaTransferStatusIdle, 0x1041UL)]
    [InlineData(NetDmaTransferStatus.NetDmaTransferStatusSuspend, 0x1042UL)]
    [InlineData(NetDmaTransferStatus.NetDmaTransferStatusHalted, 0x1043UL)]
    public void Encode_ORs_the_status_into_the_low_bits_of_the_descriptor_address(NetDmaTransferStatus status, ulong expected)
    {
        Assert.Equal(expected, CompletionStatus.Encode(new PhysicalAddress(0x1040), status));
    }

    [Fact]
    public void ToBytes_is_the_64_bit_value_little_endian()
    {
        var bytes = CompletionStatus.ToBytes(new PhysicalAddress(0x0000_0001_2345_6780), NetDmaTransferStatus.NetDmaTransferStatusIdle);

        Assert.Equal(CompletionStatus.SizeInBytes, bytes.Length);
        Assert.Equal(0x0000_0001_2345_6781UL, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        Assert.Equal(0x81, bytes[0]);
    }
}
