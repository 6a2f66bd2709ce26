using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// A channel freed while its DPC still runs: the interrupt DPC checks that the channel is still allocated and hands
/// the report to a second DPC of the channel (on the same processor), which counts it in per-channel statistics under a
/// statistics spin lock and calls NetDmaInterruptDpc. ProviderFreeDmaChannel waits for the interrupt DPC (the
/// reference free does) and then drops the channel from the provider's table, but does not wait for the second DPC,
/// which then reports, on the other processor, a channel NetDMA has forgotten (NDMA3015). NetDMA may free the channel while
/// that DPC runs: it frees once no DMA operation is outstanding (freeing-a-netdma-channel.md), and the last descriptor
/// completing is what queued it. One call at a time every DPC has run before the free and every script passes.
/// </summary>
/// <remarks>
/// The check and the report are separated by kit services (the DPC queueing, the statistics lock), so the race shows
/// without rewriting. The fix: free waits for every routine that may still report the channel, as the reference free waits for its ISR and
/// DPC (ProviderChannel.IsrsInFlight, DpcsInFlight).
/// </remarks>
public sealed class FreeWhileDpcRunsProvider : BrokenNetDmaProvider
{
    private readonly KSpinLock _statisticsLock = new();
    private readonly HashSet<NetDmaChannelHandle> _allocated = [];
    private readonly Dictionary<object, NetDmaChannelHandle> _handles = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<NetDmaChannelHandle, KDpc> _reportDpcs = [];
    private readonly Dictionary<NetDmaChannelHandle, PhysicalAddress?> _toReport = [];
    private readonly Dictionary<NetDmaChannelHandle, int> _reports = [];
    private INetDma _netDma = null!;

    protected override INetDma WrapNetDma(INetDma netDma)
    {
        _netDma = netDma;
        return new HandedOffReporting(netDma, Break, this);
    }

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
                if (!_reportDpcs.ContainsKey(handle))
                {
                    var dpc = new KDpc();
                    Environment.Kernel.KeInitializeDpc(dpc, Report, handle);
                    _reportDpcs[handle] = dpc;
                }
            }

            return status;
        };
        characteristics.FreeDmaChannel = context =>
        {
            free(context);
            _allocated.Remove(_handles[context]); // the bug: a second DPC already handed a report is not waited for
        };
    }

    /// <summary>The second DPC: count, report (the interrupt DPC checked the channel).</summary>
    private void Report(KDpc dpc, object? deferredContext, object? systemArgument1, object? systemArgument2)
    {
        var handle = (NetDmaChannelHandle)deferredContext!;
        var kernel = Environment.Kernel;
        kernel.KeAcquireSpinLock(_statisticsLock, out var oldIrql);
        _reports[handle] = _reports.GetValueOrDefault(handle) + 1;
        kernel.KeReleaseSpinLock(_statisticsLock, oldIrql);
        _netDma.NetDmaInterruptDpc(handle, _toReport[handle]);
    }

    private sealed class HandedOffReporting(INetDma inner, Action<NetDmaProviderCharacteristics> rewrite, FreeWhileDpcRunsProvider provider)
        : CharacteristicsInterceptor(inner, rewrite)
    {
        public override void NetDmaInterruptDpc(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress? DmaDescriptor)
        {
            if (!provider._allocated.Contains(NetDmaChannelHandle))
            {
                return;
            }

            // The interrupt DPC's report goes to the second DPC, on this processor (the channel's CpuNumber).
            var kernel = provider.Environment.Kernel;
            var dpc = provider._reportDpcs[NetDmaChannelHandle];
            provider._toReport[NetDmaChannelHandle] = DmaDescriptor;
            kernel.KeSetTargetProcessorDpc(dpc, (byte)kernel.KeGetCurrentProcessorNumber());
            kernel.KeInsertQueueDpc(dpc, null, null);
        }
    }
}
