using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3015: on free, it queues a "flush" DPC that reports the channel to NetDMA (NetDmaInterruptDpc) — but the
/// DPC runs after ProviderFreeDmaChannel has returned, when NetDMA has forgotten the channel.
/// </summary>
public sealed class DpcAfterFreeProvider : BrokenNetDmaProvider
{
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var allocate = characteristics.AllocateDmaChannel!;
        var free = characteristics.FreeDmaChannel!;
        var handles = new Dictionary<object, NetDmaChannelHandle>(ReferenceEqualityComparer.Instance);
        characteristics.AllocateDmaChannel = (object provider, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context) =>
        {
            var status = allocate(provider, parameters, handle, out context);
            if (context is not null)
            {
                handles[context] = handle;
            }

            return status;
        };
        characteristics.FreeDmaChannel = context =>
        {
            free(context);
            var stale = new KDpc();
            Environment.Kernel.KeInitializeDpc(stale, (_, handle, _, _) => Environment.NetDma.NetDmaInterruptDpc((NetDmaChannelHandle)handle!, null), handles[context]);
            Environment.Kernel.KeInsertQueueDpc(stale, null, null);
        };
    }
}
