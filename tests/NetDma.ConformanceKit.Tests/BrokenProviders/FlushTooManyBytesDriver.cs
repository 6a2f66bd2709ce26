using NetDma.Contracts.Platform;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4009: flushes one page more than MapTransfer mapped ("flush too many bytes", dma-verification.md;
/// nc-wdm-pflush_adapter_buffers.md wants the values MapTransfer had).
/// </summary>
public sealed class FlushTooManyBytesDriver : BrokenWdmDriver
{
    protected override bool FlushPiece(Mdl mdl, MapRegisterBase mapRegisterBase, VirtualAddress currentVa, uint length, bool writeToDevice) =>
        base.FlushPiece(mdl, mapRegisterBase, currentVa, length + 4096, writeToDevice);
}
