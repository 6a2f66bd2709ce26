using NetDma.Contracts.Platform;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4016: a bus-master driver that asks ReadDmaCounter how much is left before flushing; it "can be called
/// only by drivers of subordinate DMA devices" (nc-wdm-pread_dma_counter.md).
/// </summary>
public sealed class BusMasterReadDmaCounterDriver : BrokenWdmDriver
{
    protected override bool FlushPiece(Mdl mdl, MapRegisterBase mapRegisterBase, VirtualAddress currentVa, uint length, bool writeToDevice)
    {
        _ = Adapter!.DmaOperations.ReadDmaCounter!(Adapter);
        return base.FlushPiece(mdl, mapRegisterBase, currentVa, length, writeToDevice);
    }
}
