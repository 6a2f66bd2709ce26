using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// A channel freed while its DPC still runs: the interrupt DPC checks that its channel is still allocated, then
/// counts the report in per-channel statistics under a statistics spin lock, then calls NetDmaInterruptDpc.
/// ProviderFreeDmaChannel marks the channel free and returns without waiting for a DPC that already made its check
/// on another processor, which then reports a channel NetDMA has forgotten (NDMA3015). NetDMA may free the channel
/// while that DPC runs: it frees once no DMA operation is outstanding (freeing-a-netdma-channel.md), and the last
/// descriptor completing is what queued the DPC. One call at a time the DPC has run before the free and every script
/// passes.
/// </summary>
/// <remarks>
/// The check and the report are separated by a kit service (the statistics lock), so the race shows without rewriting.
/// The fix is for free to exclude a DPC between its check and its report: hold the lock that free takes across both.
/// </remarks>
public sealed class FreeWhileDpcRunsProvider : BrokenNetDmaProvider
{
    private readonly KSpinLock _statisticsLock = new();
    private readonly HashSet<NetDmaChannelHandle> _allocated = [];
    private readonly Dictionary<object, NetDmaChannelHandle> _handles = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<NetDmaChannelHandle, int> _reports = [];

    protected override INetDma WrapNetDma(INetDma netDma) => new CheckedReporting(netDma, Break, this);

    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var allocate = characteristics.AllocateDmaChannel!;
        var free = characteristics.FreeDmaChannel!;
        characteristics.AllocateDmaChannel = (object provider, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context) =>
        {
            var status = allocate(provider, parameters, handle, out context);
            if (context is not null)
            {
                _handles[context] = handle;
                _allocated.Add(handle);
            }

            return status;
        };
        characteristics.FreeDmaChannel = context =>
        {
            _allocated.Remove(_handles[context]); // the bug: a DPC past its check is not waited for
            free(context);
        };
    }

    private sealed class CheckedReporting(INetDma inner, Action<NetDmaProviderCharacteristics> rewrite, FreeWhileDpcRunsProvider provider)
        : CharacteristicsInterceptor(inner, rewrite)
    {
        public override void NetDmaInterruptDpc(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress? DmaDescriptor)
        {
            if (!provider._allocated.Contains(NetDmaChannelHandle))
            {
                return;
            }

            var kernel = provider.Environment.Kernel;
            kernel.KeAcquireSpinLock(provider._statisticsLock, out var oldIrql);
            provider._reports[NetDmaChannelHandle] = provider._reports.GetValueOrDefault(NetDmaChannelHandle) + 1;
            kernel.KeReleaseSpinLock(provider._statisticsLock, oldIrql);
            Inner.NetDmaInterruptDpc(NetDmaChannelHandle, DmaDescriptor);
        }
    }
}
