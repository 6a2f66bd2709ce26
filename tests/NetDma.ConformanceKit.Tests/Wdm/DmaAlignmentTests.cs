using NetDma.ConformanceKit.Scripting;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.Wdm;

/// <summary>
/// GetDmaAlignment as a platform property (nc-wdm-pget_dma_alignment.md): mapped pieces on its multiple (NDMA4024),
/// the device object's AlignmentRequirement set from it (NDMA4025); and split transfers that advance (NDMA4026,
/// nc-wdm-pmap_transfer.md).
/// </summary>
public sealed class DmaAlignmentTests
{
    private readonly AdapterTestKit _kit = new(maximumLength: 4 * 4096);

    private MapRegisterBase KeepRegisters(uint registers)
    {
        var result = default(MapRegisterBase);
        _kit.AtDispatch(() => Assert.Equal(NtStatus.STATUS_SUCCESS, _kit.Ops.AllocateAdapterChannel!(_kit.Adapter, _kit.Fdo, registers,
            (_, _, mapRegisterBase, _) =>
            {
                result = mapRegisterBase;
                return IoAllocationAction.DeallocateObjectKeepRegisters;
            }, null)));
        return result;
    }

    private void MapAndFlush(Mdl mdl, MapRegisterBase mapRegisterBase, ulong offset, uint length) => _kit.AtDispatch(() =>
    {
        var mapped = length;
        _ = _kit.Ops.MapTransfer!(_kit.Adapter, mdl, mapRegisterBase, mdl.StartVa.Offset(offset), ref mapped, true);
        _kit.Ops.FlushAdapterBuffers!(_kit.Adapter, mdl, mapRegisterBase, mdl.StartVa.Offset(offset), mapped, true);
    });

    [Fact]
    public void GetDmaAlignment_returns_the_platform_alignment()
    {
        uint alignment = 0;
        _kit.Kit.Kernel.DmaAlignment = 64;
        _kit.Kit.AtPassive(() => alignment = _kit.Ops.GetDmaAlignment!(_kit.Adapter));

        Assert.Equal(64u, alignment);
        Assert.Throws<ArgumentOutOfRangeException>(() => _kit.Kit.Kernel.DmaAlignment = 48);
    }

    [Fact]
    public void A_piece_of_an_aligned_MDL_off_the_alignment_is_NDMA4024_and_a_misaligned_MDL_is_not_judged()
    {
        _kit.Kit.Kernel.DmaAlignment = 64;
        var (mdl, _) = _kit.NewTransferBuffer(8192);
        var mapRegisterBase = KeepRegisters(3);
        MapAndFlush(mdl, mapRegisterBase, 0, 4096);
        Assert.Empty(_kit.Kit.Log.All);

        MapAndFlush(mdl, mapRegisterBase, 4096, 1000);
        var violation = _kit.Kit.Single("NDMA4024");
        Assert.Contains("Length is 40 bytes more than a multiple of 64", violation.Actual);
        Assert.Equal("nc-wdm-pget_dma_alignment.md", violation.Page);

        var odd = mdl with { ByteCount = 1000 };
        MapAndFlush(odd, mapRegisterBase, 0, 1000);
        Assert.Single(_kit.Kit.Log.All);
    }

    [Fact]
    public void AlignmentRequirement_below_the_DMA_alignment_is_NDMA4025_and_alignment_minus_one_is_silent()
    {
        _kit.Kit.Kernel.DmaAlignment = 64;
        _kit.Kit.Kernel.CheckAlignmentRequirement(_kit.Fdo);
        Assert.Contains("AlignmentRequirement = 0x0", _kit.Kit.Single("NDMA4025").Actual);

        _kit.Fdo.AlignmentRequirement = 63;
        _kit.Kit.Kernel.CheckAlignmentRequirement(_kit.Fdo);
        Assert.Single(_kit.Kit.Log.All);
    }

    [Fact]
    public void A_next_piece_that_starts_inside_the_flushed_one_is_NDMA4026_and_one_past_it_is_silent()
    {
        var (mdl, _) = _kit.NewTransferBuffer(12288);
        var mapRegisterBase = KeepRegisters(3);
        MapAndFlush(mdl, mapRegisterBase, 0, 4096);
        MapAndFlush(mdl, mapRegisterBase, 4096, 4096);
        Assert.Empty(_kit.Kit.Log.All);

        MapAndFlush(mdl, mapRegisterBase, 4096, 4096);
        var violation = _kit.Kit.Single("NDMA4026");
        Assert.Contains("CurrentVa was not advanced", violation.Actual);
        Assert.Equal("nc-wdm-pmap_transfer.md", violation.Page);
    }

    [Fact]
    public void The_platform_line_parses_and_formats_dma_alignment_and_refuses_a_non_power_of_two()
    {
        var script = ScriptParser.Parse("platform processors=2 msix=off dma_alignment=64\ndriver wdm\n", "a.ndma");
        Assert.Equal(64u, script.Platform!.DmaAlignment);
        Assert.Contains("dma_alignment=64", ScriptFormatter.Format(script));

        var error = Assert.Throws<ScriptParseException>(() => ScriptParser.Parse("platform dma_alignment=48\n", "b.ndma"));
        Assert.Contains("power of two", error.Message);
    }
}
