using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA1003: ProviderAllocateDmaChannel (called at DISPATCH_LEVEL) allocates a scratch block from paged pool
/// and frees it there.
/// </summary>
public sealed class PagedPoolAtDispatchProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var allocate = characteristics.AllocateDmaChannel!;
        characteristics.AllocateDmaChannel = (object provider, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context) =>
        {
            var scratch = Environment.Kernel.ExAllocatePool2(PoolType.PagedPool, 256, 0x6B726353);
            var status = allocate(provider, parameters, handle, out context);
            if (!scratch.IsNull)
            {
                Environment.Kernel.ExFreePool(scratch);
            }

            return status;
        };
    }
}
