using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA5003: keeps a per-channel bookkeeping block in non-paged pool and, in ProviderFreeDmaChannel, releases
/// it twice (an error-cleanup path and the normal path both run).
/// </summary>
public sealed class DoubleFreeChannelProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var allocate = characteristics.AllocateDmaChannel!;
        var free = characteristics.FreeDmaChannel!;
        var blocks = new Dictionary<object, VirtualAddress>(ReferenceEqualityComparer.Instance);
        characteristics.AllocateDmaChannel = (object provider, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context) =>
        {
            var status = allocate(provider, parameters, handle, out context);
            if (context is not null)
            {
                blocks[context] = Environment.Kernel.ExAllocatePool2(PoolType.NonPagedPoolNx, 64, 0x6B6F6F42);
            }

            return status;
        };
        characteristics.FreeDmaChannel = context =>
        {
            free(context);
            var block = blocks[context];
            Environment.Kernel.ExFreePool(block);
            Environment.Kernel.ExFreePool(block);
            blocks.Remove(context);
        };
    }
}
