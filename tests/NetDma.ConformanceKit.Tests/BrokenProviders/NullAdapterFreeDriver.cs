using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4019: calls FreeMapRegisters through the adapter's DMA_OPERATIONS with a NULL DmaAdapter
/// (dma-verification.md: "Passing a null-value DMA_ADAPTER to a HAL routine").
/// </summary>
public sealed class NullAdapterFreeDriver : BrokenWdmDriver
{
    protected override void FreeRegisters(MapRegisterBase mapRegisterBase, uint count) =>
        Adapter!.DmaOperations.FreeMapRegisters!(null!, mapRegisterBase, count);
}
