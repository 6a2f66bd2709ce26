using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Memory;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.Memory;

public sealed class PhysicalMemoryTests
{
    private readonly ViolationLog _log = new(new CallTrace());
    private readonly PhysicalMemory _memory;

    public PhysicalMemoryTests() => _memory = new PhysicalMemory(_log);

    [Fact]
    public void Allocate_places_buffers_deterministically_between_guard_bands()
    {
        var first = _memory.Allocate("a", 100, MemoryKind.Data);
        var second = _memory.Allocate("b", 4096, MemoryKind.Data, alignment: 4096);

        Assert.Equal(0x0000_0001_0000_0100UL, first.PhysicalBase.QuadPart);
        Assert.Equal(0xFFFF_A000_0000_0100UL, first.VirtualBase.Value);
        Assert.Equal(0UL, second.PhysicalBase.QuadPart % 4096);
        Assert.True(second.PhysicalBase.QuadPart >= first.PhysicalEnd.QuadPart + 2 * PhysicalMemory.GuardBandSize);
        Assert.Equal(second.PhysicalBase.QuadPart - PhysicalMemory.PhysicalStart.QuadPart,
            second.VirtualBase.Value - PhysicalMemory.VirtualStart.Value);

        var again = new PhysicalMemory(_log);
        Assert.Equal(first.PhysicalBase, again.Allocate("a", 100, MemoryKind.Data).PhysicalBase);
    }

    [Fact]
    public void Allocate_rejects_a_descriptor_ring_below_64_byte_alignment_and_non_power_of_two_alignment()
    {
        Assert.Throws<ArgumentException>(() => _memory.Allocate("ring", 128, MemoryKind.DescriptorRing, alignment: 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => _memory.Allocate("x", 8, MemoryKind.Data, alignment: 48));
    }

    [Fact]
    public void Virtual_and_physical_translation_round_trip_inside_live_buffers_only()
    {
        var buffer = _memory.Allocate("buf", 256, MemoryKind.Data);
        var va = buffer.VirtualAt(17);

        Assert.Equal(buffer.PhysicalAt(17), _memory.ToPhysical(va));
        Assert.Equal(va, _memory.ToVirtual(buffer.PhysicalAt(17)));
        Assert.Same(buffer, _memory.Find(buffer.PhysicalAt(255)));
        Assert.Null(_memory.Find(buffer.PhysicalEnd));
        Assert.False(_memory.TryToPhysical(buffer.VirtualAt(256), out _));

        _memory.Free(buffer);
        Assert.Null(_memory.Find(buffer.PhysicalBase));
        Assert.Throws<ArgumentException>(() => _memory.ToPhysical(va));
    }

    [Fact]
    public void Host_reads_and_writes_round_trip_and_throw_outside_the_buffer()
    {
        var buffer = _memory.Allocate("buf", 16, MemoryKind.Data);
        _memory.WriteBytes(buffer, 4, [1, 2, 3]);
        _memory.Fill(buffer, 10, 2, 0xAA);

        Assert.Equal(new byte[] { 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0xAA, 0xAA, 0, 0, 0, 0 }, _memory.ReadBytes(buffer, 0, 16));
        Assert.Throws<ArgumentOutOfRangeException>(() => _memory.WriteBytes(buffer, 15, [1, 2]));
        _memory.Free(buffer);
        Assert.Throws<InvalidOperationException>(() => _memory.ReadBytes(buffer, 0, 1));
        Assert.Throws<InvalidOperationException>(() => _memory.Free(buffer));
        Assert.Empty(_log.All);
    }

    [Fact]
    public void DmaWrite_and_DmaRead_inside_one_buffer_are_silent()
    {
        var buffer = _memory.Allocate("dst", 4096, MemoryKind.Data);
        Assert.True(_memory.DmaWrite(buffer.PhysicalAt(4000), [9, 8, 7], "dev0"));
        var read = new byte[96];
        Assert.True(_memory.DmaRead(buffer.PhysicalAt(4000), read, "dev0"));

        Assert.Equal(new byte[] { 9, 8, 7 }, read[..3]);
        Assert.Empty(_log.All);
    }

    [Fact]
    public void DmaWrite_past_the_end_reports_NDMA5001_and_is_not_applied()
    {
        var dst = _memory.Allocate("dst", 4096, MemoryKind.Data);
        var next = _memory.Allocate("next", 64, MemoryKind.Data);
        _memory.Fill(dst, 0x11);

        var written = _memory.DmaWrite(dst.PhysicalAt(4088), new byte[24], "\\Device\\Dev0");

        Assert.False(written);
        var violation = Assert.Single(_log.All);
        Assert.Equal("NDMA5001", violation.Rule.Id);
        Assert.Equal("a range inside one allocated buffer", violation.Expected);
        Assert.Contains("\\Device\\Dev0 DMA write of 24 bytes", violation.Actual);
        Assert.Contains($"16 bytes past the end of buffer 'dst' [{dst.PhysicalBase}-", violation.Actual);
        Assert.Contains("4096 bytes]", violation.Actual);
        Assert.Equal("dma-verification.md", violation.Page);
        Assert.All(_memory.ReadBytes(dst, 4088, 8), b => Assert.Equal(0x11, b));
        Assert.All(_memory.ReadBytes(next, 0, 64), b => Assert.Equal(0, b));
    }

    [Fact]
    public void DmaWrite_into_the_guard_band_before_a_buffer_reports_NDMA5001_and_is_not_applied()
    {
        var src = _memory.Allocate("src", 64, MemoryKind.Data);

        Assert.False(_memory.DmaWrite(src.PhysicalBase.Offset(unchecked((ulong)-8)), new byte[16], "dev0"));

        var violation = Assert.Single(_log.All);
        Assert.Equal("NDMA5001", violation.Rule.Id);
        Assert.Contains("in the guard band before 'src'", violation.Actual);
        Assert.All(_memory.ReadBytes(src, 0, 64), b => Assert.Equal(0, b));
    }

    [Fact]
    public void DmaRead_of_a_freed_buffer_reports_NDMA5001_and_returns_zeros()
    {
        var x = _memory.Allocate("x", 64, MemoryKind.Data);
        _memory.Fill(x, 0x55);
        _memory.Free(x);
        var read = Enumerable.Repeat((byte)0xEE, 8).ToArray();

        Assert.False(_memory.DmaRead(x.PhysicalBase, read, "dev0"));

        Assert.All(read, b => Assert.Equal(0, b));
        Assert.Contains("in freed buffer 'x'", Assert.Single(_log.All).Actual);
    }

    [Fact]
    public void DmaRead_outside_every_buffer_reports_NDMA5001()
    {
        _memory.Allocate("only", 64, MemoryKind.Data);

        Assert.False(_memory.DmaRead(new PhysicalAddress(0x1000), new byte[4], "dev0"));
        Assert.False(_memory.DmaRead(new PhysicalAddress(ulong.MaxValue - 1), new byte[4], "dev0"));

        Assert.Equal(2, _log.All.Count);
        Assert.All(_log.All, v => Assert.Contains("outside any buffer", v.Actual));
        Assert.All(_log.All, v => Assert.Equal("NDMA5001", v.Rule.Id));
    }

    [Fact]
    public void DmaRead_spanning_two_buffers_reports_NDMA5001()
    {
        var a = _memory.Allocate("a", 64, MemoryKind.Data);
        _memory.Allocate("b", 64, MemoryKind.Data);

        Assert.False(_memory.DmaRead(a.PhysicalBase, new byte[64 + 2 * PhysicalMemory.GuardBandSize + 64], "dev0"));

        Assert.Contains("bytes past the end of buffer 'a'", Assert.Single(_log.All).Actual);
    }

    [Theory]
    [InlineData(8, 64)]
    [InlineData(0, 32)]
    [InlineData(0, 96)]
    public void DmaRead_of_a_partial_or_misaligned_descriptor_reports_NDMA5002(ulong offset, int length)
    {
        var ring = _memory.Allocate("ring", 256, MemoryKind.DescriptorRing);

        Assert.True(_memory.DmaRead(ring.PhysicalAt(offset), new byte[length], "dev0"));

        var violation = Assert.Single(_log.All);
        Assert.Equal("NDMA5002", violation.Rule.Id);
        Assert.Contains("descriptor ring 'ring'", violation.Actual);
        Assert.Equal("ns-netdma-_net_dma_channel_parameters.md", violation.Page);
    }

    [Fact]
    public void DmaRead_of_whole_aligned_descriptors_is_silent()
    {
        var ring = _memory.Allocate("ring", 256, MemoryKind.DescriptorRing);

        Assert.True(_memory.DmaRead(ring.PhysicalAt(64), new byte[64], "dev0"));
        Assert.True(_memory.DmaRead(ring.PhysicalAt(128), new byte[128], "dev0"));

        Assert.Empty(_log.All);
    }

    [Fact]
    public void Device_access_checks_count_their_evaluations_in_the_log_and_a_memory_no_device_touched_counts_none()
    {
        // PhysicalMemory holds its NDMA5001/NDMA5002 counters from construction: holding one is not an evaluation.
        Assert.False(_log.Evaluations.ContainsKey("NDMA5001"));
        Assert.False(_log.Evaluations.ContainsKey("NDMA5002"));

        var ring = _memory.Allocate("ring", 256, MemoryKind.DescriptorRing);
        var data = _memory.Allocate("data", 64, MemoryKind.Data);
        Assert.True(_memory.DmaRead(ring.PhysicalAt(0), new byte[64], "dev0"));
        Assert.True(_memory.DmaWrite(data.PhysicalAt(0), new byte[64], "dev0"));
        Assert.False(_memory.DmaWrite(data.PhysicalAt(32), new byte[64], "dev0"));

        // Three ranges judged, and the refused one counted again by its report (as Checked + Report always did).
        Assert.Equal(4, _log.Evaluations["NDMA5001"]);
        Assert.Equal(1, _log.Evaluations["NDMA5002"]);
        Assert.Equal("NDMA5001", Assert.Single(_log.All).Rule.Id);
    }
}
