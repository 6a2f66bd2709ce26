using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA3015: a stale interrupt DPC reports the channel to NetDMA after ProviderFreeDmaChannel returned
/// (the provider freed the channel without flushing its queued DPC).
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
            Environment.Kernel.KeRaiseIrql(Contracts.Annotations.Irql.DISPATCH_LEVEL, out var old);
            Environment.NetDma.NetDmaInterruptDpc(handles[context], null);
            Environment.Kernel.KeLowerIrql(old);
        };
    }
}
