using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4019: calls FreeMapRegisters through the adapter's DMA_OPERATIONS with a DMA_ADAPTER it built itself
/// around those operations, not the one IoGetDmaAdapter returned (nc-wdm-pfree_map_registers.md: DmaAdapter is the
/// structure "returned by IoGetDmaAdapter").
/// </summary>
public sealed class ForeignAdapterFreeDriver : BrokenWdmDriver
{
    protected override void FreeRegisters(MapRegisterBase mapRegisterBase, uint count) =>
        Adapter!.DmaOperations.FreeMapRegisters!(new DmaAdapter { DmaOperations = Adapter.DmaOperations }, mapRegisterBase, count);
}
