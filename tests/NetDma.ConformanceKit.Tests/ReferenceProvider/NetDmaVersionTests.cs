using CsCheck;
using NetDma.ReferenceProvider.NetDma;

namespace NetDma.ConformanceKit.Tests.ReferenceProvider;

public sealed class NetDmaVersionTests
{
    [Fact]
    public void FromPacked_reads_major_from_high_16_bits_and_minor_from_low_16_bits()
    {
        var version = NetDmaVersion.FromPacked(0x0001_0001);

        Assert.Equal(new NetDmaVersion(1, 1), version);
        Assert.Equal(0x0001_0001u, version.Packed);
        Assert.Equal("1.1", version.ToString());
    }

    [Theory]
    [InlineData(0x0001_0000u, 0x0001_0000u)]
    [InlineData(0x0001_0001u, 0x0001_0001u)]
    [InlineData(0x0002_0000u, 0x0002_0000u)]
    [InlineData(0x0002_0001u, 0x0002_0000u)]
    [InlineData(0x0003_0000u, 0x0002_0000u)]
    public void ForRegistration_never_exceeds_the_interface_version_nor_2_0(uint interfacePacked, uint expectedPacked)
    {
        var registered = NetDmaVersion.ForRegistration(NetDmaVersion.FromPacked(interfacePacked), NetDmaVersion.V2_0);

        Assert.Equal(expectedPacked, registered.Packed);
    }

    [Fact]
    public void ForRegistration_is_at_most_both_versions_for_any_interface_version()
    {
        Gen.UInt.Sample(packed =>
        {
            var interfaceVersion = NetDmaVersion.FromPacked(packed);
            var registered = NetDmaVersion.ForRegistration(interfaceVersion, NetDmaVersion.V2_0);
            Assert.True(registered <= interfaceVersion, $"{registered} > interface {interfaceVersion}");
            Assert.True(registered <= NetDmaVersion.V2_0, $"{registered} > 2.0");
            Assert.True(registered == interfaceVersion || registered == NetDmaVersion.V2_0);
        });
    }

    [Theory]
    [InlineData(0x0001_0000u, false)]
    [InlineData(0x0001_0001u, false)]
    [InlineData(0x0002_0000u, true)]
    public void ChainsAreCounted_only_from_NetDMA_2_0(uint packed, bool counted)
    {
        Assert.Equal(counted, NetDmaVersion.FromPacked(packed).ChainsAreCounted);
    }

    [Fact]
    public void ToCharacteristicsBytes_gives_MajorVersion_and_MinorVersion()
    {
        Assert.Equal(((byte)2, (byte)0), NetDmaVersion.V2_0.ToCharacteristicsBytes());
        Assert.Equal(((byte)1, (byte)255), new NetDmaVersion(1, 300).ToCharacteristicsBytes());
    }
}
