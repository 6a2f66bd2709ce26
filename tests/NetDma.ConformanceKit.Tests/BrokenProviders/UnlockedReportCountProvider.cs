using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// A missing spin lock between ProviderAppendDma and the completion DPC, the bug only concurrent schedules show: the
/// provider counts, per channel, the chains whose completion its interrupt DPC still owes NetDMA, so that a DPC with
/// nothing owed (one queued for an earlier chain) reports nothing. ProviderStartDma and ProviderAppendDma add one
/// after the engine took the chain; the DPC reads the count, reports with NetDmaInterruptDpc and sets it to zero. Neither
/// side holds the channel's spin lock around its read and write, so an append on one processor that lands while the
/// DPC reports on another is wiped out by the DPC's write, and the DPC the appended chain's interrupt queues finds
/// nothing owed: its completion is never reported (NDMA3023: a lost completion). One call at a time every script passes.
/// </summary>
/// <remarks>
/// The fix is the channel's spin lock around both read-modify-writes (the DPC taking the count and clearing it under
/// the lock, then reporting without it). Both windows span a kit service (the reference append's KeAcquireSpinLock, the
/// NetDmaInterruptDpc call), so the race shows without rewriting the provider's assembly.
/// </remarks>
public sealed class UnlockedReportCountProvider : BrokenNetDmaProvider
{
    private readonly Dictionary<object, NetDmaChannelHandle> _handles = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<NetDmaChannelHandle, int> _owed = [];

    protected override INetDma WrapNetDma(INetDma netDma) => new ReportCounting(netDma, Break, this);

    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        var allocate = characteristics.AllocateDmaChannel!;
        var start = characteristics.StartDma!;
        var append = characteristics.AppendDma!;
        characteristics.AllocateDmaChannel = (object provider, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context) =>
        {
            var status = allocate(provider, parameters, handle, out context);
            if (context is not null)
            {
                _handles[context] = handle;
                _owed[handle] = 0;
            }

            return status;
        };
        characteristics.StartDma = (context, virtualAddress, physicalAddress, count) => Owe(context, () => start(context, virtualAddress, physicalAddress, count));
        characteristics.AppendDma = (context, virtualAddress, physicalAddress, count) => Owe(context, () => append(context, virtualAddress, physicalAddress, count));
    }

    // The bug: read, program the engine (kernel calls: another processor runs meanwhile), write; no lock around it.
    private NtStatus Owe(object context, Func<NtStatus> command)
    {
        var handle = _handles[context];
        var owed = _owed[handle];
        var status = command();
        if (NtStatusFacts.NT_SUCCESS(status))
        {
            _owed[handle] = owed + 1;
        }

        return status;
    }

    private sealed class ReportCounting(INetDma inner, Action<NetDmaProviderCharacteristics> rewrite, UnlockedReportCountProvider provider)
        : CharacteristicsInterceptor(inner, rewrite)
    {
        public override void NetDmaInterruptDpc(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress? DmaDescriptor)
        {
            // The bug, DPC side: read, report (a NetDMA call: another processor runs meanwhile), clear; no lock around it.
            if (!provider._owed.TryGetValue(NetDmaChannelHandle, out var owed) || owed == 0)
            {
                return; // nothing owed: a DPC queued for a chain already reported
            }

            Inner.NetDmaInterruptDpc(NetDmaChannelHandle, DmaDescriptor);
            provider._owed[NetDmaChannelHandle] = 0;
        }
    }
}
