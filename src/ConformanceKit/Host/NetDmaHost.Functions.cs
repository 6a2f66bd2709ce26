using NetDma.ConformanceKit.Catalog;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Kernel;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Host;

// The INetDma functions a provider calls, each checked against its page.
public sealed partial class NetDmaHost
{
    /// <inheritdoc/>
    public NtStatus NetDmaRegisterProvider(object ProviderContext, out NetDmaProviderHandle pNetDmaProviderHandle, NetDmaProviderCharacteristics ProviderCharacteristics)
    {
        var contract = EnterFunction(nameof(NetDmaRegisterProvider), $"MaxDmaChannelCount={ProviderCharacteristics?.MaxDmaChannelCount}");
        pNetDmaProviderHandle = default;

        Log.Checked(LifecycleRules.RegisterInAddDevice);
        if (!InAddDevice)
        {
            Log.Report(LifecycleRules.RegisterInAddDevice, "a call from the driver's AddDevice routine", "a call outside AddDevice", contract.Page);
        }

        if (Provider is { State: not ProviderState.Deregistered })
        {
            Log.Report(LifecycleRules.RegisterInAddDevice, "one registration per device", $"a second NetDmaRegisterProvider while {Provider.Handle} is registered", contract.Page);
            return Returned(NtStatus.STATUS_UNSUCCESSFUL);
        }

        Log.Checked(LifecycleRules.CompleteCharacteristics);
        if (ProviderCharacteristics is null)
        {
            Log.Report(LifecycleRules.CompleteCharacteristics, "a NET_DMA_PROVIDER_CHARACTERISTICS structure", "ProviderCharacteristics = NULL");
            return Returned(NtStatus.STATUS_UNSUCCESSFUL);
        }

        CheckRegistrationArguments(ProviderContext, ProviderCharacteristics, contract);
        if (!CharacteristicsComplete(ProviderCharacteristics) || !VersionSupported(ProviderCharacteristics))
        {
            return Returned(NtStatus.STATUS_UNSUCCESSFUL);
        }

        var registration = new ProviderRegistration(new NetDmaProviderHandle(_nextProviderHandle++), ProviderContext, ProviderCharacteristics);
        Provider = registration;
        pNetDmaProviderHandle = registration.Handle;

        if (Options.MsiX)
        {
            // With MSI-X, NetDMA calls ProviderSetDmaChannelCpuAffinity while still inside NetDmaRegisterProvider,
            // for MaxDmaChannelCount channels (nc-netdma-dma_channels_cpu_affinity_handler.md).
            var affinities = Enumerable.Range(0, (int)ProviderCharacteristics.MaxDmaChannelCount)
                .Select(i => new NetDmaChannelCpuAffinity((uint)i, (uint)(i % Options.ProcessorCount)))
                .ToArray();
            registration.CpuAffinities = affinities;
            var handler = ProviderCharacteristics.SetDmaChannelCpuAffinity!;
            CallProvider(SetAffinityContract, $"{affinities.Length} entries", new CallSite(Irql.PASSIVE_LEVEL, Kernel.CurrentProcessor),
                () => handler(ProviderContext, affinities, (uint)affinities.Length));
        }

        return Returned(NtStatus.STATUS_SUCCESS);
    }

    private bool CharacteristicsComplete(NetDmaProviderCharacteristics c)
    {
        var missing = new List<string>();
        if (c.AllocateDmaChannel is null) missing.Add("AllocateDmaChannel");
        if (c.FreeDmaChannel is null) missing.Add("FreeDmaChannel");
        if (c.StartDma is null) missing.Add("StartDma");
        if (c.AppendDma is null) missing.Add("AppendDma");
        // netdma-provider-services.md lists neither as mandatory nor as optional; on an MSI-X platform NetDMA calls it
        // inside NetDmaRegisterProvider (nf-netdma-netdmaregisterprovider.md), so there a NULL entry point cannot serve.
        if (c.SetDmaChannelCpuAffinity is null && Options.MsiX) missing.Add("SetDmaChannelCpuAffinity (the platform supports MSI-X: NetDMA calls it inside NetDmaRegisterProvider)");
        if (c.SuspendDma is not null && c.ResumeDma is null) missing.Add("ResumeDma (SuspendDma is set)");
        if (c.MaxDmaChannelCount == 0) missing.Add("MaxDmaChannelCount >= 1");
        if (missing.Count == 0)
        {
            return true;
        }

        Log.Report(LifecycleRules.CompleteCharacteristics, "every required entry point set (AllocateDmaChannel, FreeDmaChannel, StartDma, AppendDma; SetDmaChannelCpuAffinity with MSI-X), ResumeDma with SuspendDma, MaxDmaChannelCount >= 1",
            $"missing: {string.Join(", ", missing)}");
        return false;
    }

    private bool VersionSupported(NetDmaProviderCharacteristics c)
    {
        var provider = ((uint)c.MajorVersion << 16) | c.MinorVersion;
        Log.Checked(LifecycleRules.VersionNotAboveInterface);
        if (provider <= Options.Version)
        {
            return true;
        }

        Log.Report(LifecycleRules.VersionNotAboveInterface, $"a provider version <= {Options.NetDmaMajor}.{Options.NetDmaMinor} (NetDmaGetVersion)",
            $"MajorVersion.MinorVersion = {c.MajorVersion}.{c.MinorVersion}");
        return false;
    }

    private NtStatus Returned(NtStatus status)
    {
        Trace(new TraceEntry("    <- {0}", status));
        return status;
    }

    /// <inheritdoc/>
    public void NetDmaDeregisterProvider(NetDmaProviderHandle NetDmaProviderHandle)
    {
        var contract = EnterFunction(nameof(NetDmaDeregisterProvider), NetDmaProviderHandle.ToString());
        if (!CheckProviderHandle(NetDmaProviderHandle, contract))
        {
            return;
        }

        Log.Checked(LifecycleRules.ProviderStateOrder);
        if (Provider!.State == ProviderState.Started)
        {
            Log.Report(LifecycleRules.ProviderStateOrder, "NetDmaProviderStop before NetDmaDeregisterProvider", "NetDmaDeregisterProvider while the provider is started", contract.Page);
        }

        Provider.State = ProviderState.Deregistered;
    }

    /// <inheritdoc/>
    public void NetDmaProviderStart(NetDmaProviderHandle NetDmaProviderHandle, NetDmaProviderAttributes ProviderAttributes)
    {
        var contract = EnterFunction(nameof(NetDmaProviderStart), $"DmaChannelCount={ProviderAttributes?.DmaChannelCount}");
        if (!CheckProviderHandle(NetDmaProviderHandle, contract))
        {
            return;
        }

        Log.Checked(LifecycleRules.ProviderStateOrder);
        if (Provider!.State == ProviderState.Started)
        {
            Log.Report(LifecycleRules.ProviderStateOrder, "NetDmaProviderStart once per start (after registration or NetDmaProviderStop)", "NetDmaProviderStart while already started", contract.Page);
            return;
        }

        Log.Checked(LifecycleRules.ChannelCountWithinMax);
        if (ProviderAttributes is null)
        {
            Log.Report(LifecycleRules.ChannelCountWithinMax, "a NET_DMA_PROVIDER_ATTRIBUTES structure", "ProviderAttributes = NULL", contract.Page);
            return;
        }

        CheckAttributes(ProviderAttributes);

        if (ProviderAttributes.DmaChannelCount > Provider.Characteristics.MaxDmaChannelCount)
        {
            Log.Report(LifecycleRules.ChannelCountWithinMax, $"DmaChannelCount <= MaxDmaChannelCount ({Provider.Characteristics.MaxDmaChannelCount})",
                $"DmaChannelCount = {ProviderAttributes.DmaChannelCount}", "ns-netdma-_net_dma_provider_attributes.md");
        }

        var firstStart = Provider.State == ProviderState.Registered;
        if (firstStart)
        {
            CheckFirstStartInStartDevice(contract);
        }

        Provider.Attributes = ProviderAttributes;
        Provider.State = ProviderState.Started;
        ProbeAllocationInsideStart();
    }

    /// <inheritdoc/>
    public void NetDmaProviderStop(NetDmaProviderHandle NetDmaProviderHandle)
    {
        var contract = EnterFunction(nameof(NetDmaProviderStop), NetDmaProviderHandle.ToString());
        if (!CheckProviderHandle(NetDmaProviderHandle, contract))
        {
            return;
        }

        Log.Checked(LifecycleRules.ProviderStateOrder);
        if (Provider!.State != ProviderState.Started)
        {
            Log.Report(LifecycleRules.ProviderStateOrder, "NetDmaProviderStop after NetDmaProviderStart", $"NetDmaProviderStop while the provider is {Provider.State}", contract.Page);
            return;
        }

        // NetDMA waits for outstanding DMA operations and frees every allocated channel before NetDmaProviderStop
        // returns (nf-netdma-netdmaproviderstop.md), from the stop's own context: PASSIVE_LEVEL, the IRQL the stop
        // page documents.
        foreach (var channel in _channelsByName.Values.ToList())
        {
            FreeChannel(channel.Name, new CallSite(Irql.PASSIVE_LEVEL, Kernel.CurrentProcessor), $"{FreeContract.Role} inside {contract.Name}");
        }

        Provider.State = ProviderState.Stopped;
    }

    /// <inheritdoc/>
    public void NetDmaIsr(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress DmaDescriptor, out uint pCpuNumber)
    {
        var contract = EnterFunction(nameof(NetDmaIsr), new TraceArguments("{0}, DmaDescriptor={1}", NetDmaChannelHandle, DmaDescriptor));
        pCpuNumber = 0;
        if (LiveChannel(NetDmaChannelHandle, contract) is not { } channel)
        {
            return;
        }

        channel.IsrCount++;
        channel.Progress.MarkIsr();
        CheckInterruptCpu(channel, Kernel.CurrentProcessor);
        CheckIsrDescriptor(channel, DmaDescriptor, contract);
        channel.LastReportedDescriptor = DmaDescriptor;
        pCpuNumber = channel.Parameters.CpuNumber;
        Trace(new TraceEntry("    <- pCpuNumber={0}", pCpuNumber));
    }

    /// <inheritdoc/>
    public void NetDmaInterruptDpc(NetDmaChannelHandle NetDmaChannelHandle, PhysicalAddress? DmaDescriptor)
    {
        var contract = EnterFunction(nameof(NetDmaInterruptDpc),
            new TraceArguments("{0}, DmaDescriptor={1}", NetDmaChannelHandle, DmaDescriptor is { } reported ? reported : "NULL"));
        if (LiveChannel(NetDmaChannelHandle, contract) is not { } channel)
        {
            return;
        }

        var cpu = Kernel.CurrentProcessor;
        channel.RecordDpc(cpu);
        channel.Progress.MarkInterruptDpc(DmaDescriptor);
        CheckDpcReport(channel, DmaDescriptor, contract);
        if (DmaDescriptor is { } descriptor)
        {
            channel.LastReportedDescriptor = descriptor;
        }

        Log.Checked(LifecycleRules.DpcOnReportedCpu);
        if (cpu != channel.Parameters.CpuNumber)
        {
            Log.Report(LifecycleRules.DpcOnReportedCpu, $"the interrupt DPC of {channel.Name} on CPU {channel.Parameters.CpuNumber} (its CpuNumber)",
                $"NetDmaInterruptDpc on CPU {cpu}", "nc-netdma-dma_channel_allocate_handler.md");
        }
    }

    /// <inheritdoc/>
    public uint NetDmaGetVersion()
    {
        EnterFunction(nameof(NetDmaGetVersion), "");
        CheckGetVersionLookedUp();
        return Options.Version;
    }

    /// <inheritdoc/>
    public void NetDmaPnPEventNotify(NetDmaProviderHandle NetDmaProviderHandle, NetDmaPnPNotification PnPEvent)
    {
        var contract = EnterFunction(nameof(NetDmaPnPEventNotify), $"{PnPEvent?.NotificationCode}");
        if (!CheckProviderHandle(NetDmaProviderHandle, contract))
        {
            return;
        }

        Log.Checked(LifecycleRules.PnPEventPowerCodesOnly);
        if (PnPEvent?.NotificationCode is not (NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerDown or NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerUp))
        {
            Log.Report(LifecycleRules.PnPEventPowerCodesOnly, "NetDmaNotificationProviderPowerDown or NetDmaNotificationProviderPowerUp",
                PnPEvent is null ? "PnPEvent = NULL" : PnPEvent.NotificationCode.ToString(), contract.Page);
            return;
        }

        CheckPnPNotification(PnPEvent);
        CheckPowerNotificationOrder(PnPEvent.NotificationCode);
    }

    /// <summary>
    /// NDMA3022: NetDmaIsr's DmaDescriptor is a descriptor of the channel the engine completed, or the one it fetched
    /// last (the one it was processing when it interrupted, e.g. on an error). "When the ISR is called, the current
    /// DMA descriptor might already be different from the descriptor that triggered the interrupt"
    /// (handling-a-netdma-interrupt.md), so any completed descriptor of the channel is accepted.
    /// </summary>
    private void CheckIsrDescriptor(HostChannel channel, PhysicalAddress descriptor, DdiContract contract)
    {
        var progress = channel.Progress;
        Log.Checked(LifecycleRules.IsrNamesProcessedDescriptor);
        if (progress.Find(descriptor) is { } known && (known.Completed || ReferenceEquals(known, progress.LastFetched)))
        {
            return;
        }

        Log.Report(LifecycleRules.IsrNamesProcessedDescriptor,
            $"in DmaDescriptor the physical address of the descriptor of {channel.Name} the interrupt is about, one the engine completed (last completed: {progress.LastCompleted?.Address.ToString() ?? "none yet"})",
            $"{contract.Name}(DmaDescriptor = {descriptor}): {DescribeDescriptor(channel, descriptor)}", "handling-a-netdma-interrupt.md");
    }

    /// <summary>
    /// NDMA3024: NetDmaInterruptDpc comes from the provider's DPC routine (nf-netdma-netdmainterruptdpc.md).
    /// NDMA3023: its DmaDescriptor is NULL or the last descriptor the engine completed, and NULL when the engine
    /// stopped on an error (handling-a-netdma-interrupt-dpc.md).
    /// </summary>
    private void CheckDpcReport(HostChannel channel, PhysicalAddress? descriptor, DdiContract contract)
    {
        Log.Checked(LifecycleRules.DpcReportFromDpc);
        if (Kernel.CurrentRoutine != SimulatedKernel.DpcRoutineName)
        {
            Log.Report(LifecycleRules.DpcReportFromDpc, $"{contract.Name} for {channel.Name} from the provider's interrupt DPC routine",
                $"a call from {Kernel.CurrentRoutine ?? "outside any driver routine"}", contract.Page);
        }

        if (descriptor is not { } reported)
        {
            return; // DmaDescriptor is optional (nf-netdma-netdmainterruptdpc.md).
        }

        var progress = channel.Progress;
        Log.Checked(LifecycleRules.DpcNamesLastCompleted);
        var faultedSinceDpcStart = Kernel.Interleaves && channel.FaultedAtDpcStart.TryGetValue(Kernel.CurrentProcessor, out var faultedAtStart) && !faultedAtStart;
        if (progress.Faulted && !(faultedSinceDpcStart && LastCompletedSinceDpcStart(channel, reported)))
        {
            Log.Report(LifecycleRules.DpcNamesLastCompleted,
                $"DmaDescriptor = NULL: the engine stopped on an error on {channel.Name} ({progress.ErrorOn?.Describe() ?? "no descriptor"}: {progress.Error})",
                $"{contract.Name}(DmaDescriptor = {reported})", "handling-a-netdma-interrupt-dpc.md");
        }
        else if (progress.LastCompleted?.Address != reported && !LastCompletedSinceDpcStart(channel, reported))
        {
            Log.Report(LifecycleRules.DpcNamesLastCompleted,
                $"DmaDescriptor = NULL or the last descriptor the engine completed on {channel.Name} ({progress.LastCompleted?.Address.ToString() ?? "none yet"})",
                $"{contract.Name}(DmaDescriptor = {reported}): {DescribeDescriptor(channel, reported)}", "handling-a-netdma-interrupt-dpc.md");
        }
    }

    /// <summary>
    /// Under schedule exploration: true when <paramref name="reported"/> was the channel's last completed descriptor at
    /// some moment since the current DPC started (the engine may have completed more since the DPC read it).
    /// </summary>
    private bool LastCompletedSinceDpcStart(HostChannel channel, PhysicalAddress reported) =>
        Kernel.Interleaves
        && channel.CompletionsAtDpcStart.TryGetValue(Kernel.CurrentProcessor, out var atStart)
        && channel.Progress.Find(reported) is { Completed: true } descriptor
        && descriptor.CompletionNumber >= atStart;

    /// <summary>The live channel with <paramref name="handle"/>, or null after reporting NDMA3015 (freed) or NDMA3006 (unknown).</summary>
    private HostChannel? LiveChannel(NetDmaChannelHandle handle, DdiContract contract)
    {
        Log.Checked(LifecycleRules.LiveChannelHandle);
        if (!_channelsByHandle.TryGetValue(handle, out var channel))
        {
            Log.Report(LifecycleRules.LiveChannelHandle, $"a channel handle NetDMA passed to ProviderAllocateDmaChannel, in {contract.Name}", $"{handle}, which NetDMA never issued", contract.Page);
            return null;
        }

        Log.Checked(LifecycleRules.NothingAfterFree);
        if (channel.State == ChannelState.Freed)
        {
            Log.Report(LifecycleRules.NothingAfterFree, $"no {contract.Name} for {channel.Name} after ProviderFreeDmaChannel", $"{contract.Name}({handle}) after the channel was freed", "nc-netdma-dma_channel_free_handler.md");
            return null;
        }

        return channel;
    }
}
