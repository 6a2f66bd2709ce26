using NetDma.ConformanceKit.Catalog;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Host;

// What nf-netdma-netdmaproviderstart.md asks of the moment a provider calls NetDmaProviderStart: the first start comes
// while the driver handles IRP_MN_START_DEVICE (NDMA3027), and the provider is ready for every request before it
// calls, so NetDMA may allocate a channel from inside the call (NDMA3028).
public sealed partial class NetDmaHost
{
    /// <summary>Name of the channel NetDMA allocates inside NetDmaProviderStart when <see cref="HostOptions.AllocateInProviderStart"/> is on.</summary>
    public const string ProbeChannelName = "netdma.start-probe";

    /// <summary>True while the PnP manager runs the driver's IRP_MN_START_DEVICE handler (the first NetDmaProviderStart belongs there: NDMA3027).</summary>
    public bool InStartDevice { get; internal set; }

    private void CheckFirstStartInStartDevice(DdiContract contract)
    {
        Log.Checked(LifecycleRules.ProviderStartInStartDevice);
        if (!InStartDevice)
        {
            Log.Report(LifecycleRules.ProviderStartInStartDevice, "the first NetDmaProviderStart while the driver handles IRP_MN_START_DEVICE",
                InAddDevice ? "NetDmaProviderStart from AddDevice, before IRP_MN_START_DEVICE" : "NetDmaProviderStart outside IRP_MN_START_DEVICE", contract.Page);
        }
    }

    /// <summary>
    /// With <see cref="HostOptions.AllocateInProviderStart"/>, NetDMA allocates a channel on any active CPU from inside
    /// NetDmaProviderStart, at the caller's IRQL, and frees it again: a provider that finishes its own start only after
    /// the call fails it (NDMA3028). The channel is named <see cref="ProbeChannelName"/> in the trace.
    /// </summary>
    private void ProbeAllocationInsideStart()
    {
        if (!Options.AllocateInProviderStart || Provider?.Attributes is not { DmaChannelCount: > 0 } || _channelsByName.Count > 0)
        {
            return;
        }

        Log.Checked(LifecycleRules.ReadyBeforeProviderStart);
        var site = new CallSite(Kernel.CurrentIrql, Kernel.CurrentProcessor);
        var everyCpu = Options.ProcessorCount >= 32 ? uint.MaxValue : (1u << Options.ProcessorCount) - 1;
        var faultsBefore = Kernel.Faults?.Injected.Count ?? 0;
        var status = AllocateChannel(ProbeChannelName, everyCpu, 0, site);
        if (NtStatusFacts.NT_SUCCESS(status))
        {
            FreeChannel(ProbeChannelName, site);
            return;
        }

        _failedAllocations.Remove(ProbeChannelName);
        if ((Kernel.Faults?.Injected.Count ?? 0) > faultsBefore)
        {
            // An injected fault (a failed pool allocation) made the allocation fail: a documented answer, not unreadiness.
            return;
        }

        Log.Report(LifecycleRules.ReadyBeforeProviderStart,
            "ProviderAllocateDmaChannel from inside NetDmaProviderStart succeeds (the provider is ready for every request before the call)",
            $"{NtStatusFacts.Describe(status)} for a channel on any CPU (ProcessorAffinityMask {Hex(everyCpu)}) with no channel allocated",
            LifecycleRules.ReadyBeforeProviderStart.Page);
    }
}
