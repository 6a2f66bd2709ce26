using NetDma.ConformanceKit.Catalog;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Memory;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Host;

// NetDMA's side: calling the provider's handlers the way the pages describe, and checking every answer.
public sealed partial class NetDmaHost
{
    private static readonly DdiContract SetAffinityContract = DdiContract.For<DmaChannelsCpuAffinityHandler>();
    private static readonly DdiContract AllocateContract = DdiContract.For<DmaChannelAllocateHandler>();
    private static readonly DdiContract FreeContract = DdiContract.For<DmaChannelFreeHandler>();
    private static readonly DdiContract StartContract = DdiContract.For<DmaStartHandler>();
    private static readonly DdiContract AppendContract = DdiContract.For<DmaAppendHandler>();
    private static readonly DdiContract SuspendContract = DdiContract.For<DmaSuspendHandler>();
    private static readonly DdiContract ResumeContract = DdiContract.For<DmaResumeHandler>();
    private static readonly DdiContract AbortContract = DdiContract.For<DmaAbortHandler>();
    private static readonly DdiContract ResetContract = DdiContract.For<DmaResetHandler>();

    /// <summary>
    /// Calls a provider handler on <paramref name="site"/> through the kernel (which checks the exit IRQL) and checks
    /// the returned status against the handler's documented set (NDMA2001).
    /// </summary>
    private NtStatus CallProvider(DdiContract contract, TraceArguments arguments, CallSite site, Func<NtStatus> call) =>
        CallProvider(contract, arguments, site, call, static call => call());

    /// <summary>
    /// <see cref="CallProvider(DdiContract, TraceArguments, CallSite, Func{NtStatus})"/> with the call's state passed
    /// in, so that a static <paramref name="call"/> allocates no closure (the data path: start, append).
    /// </summary>
    private NtStatus CallProvider<TState>(DdiContract contract, TraceArguments arguments, CallSite site, TState state, Func<TState, NtStatus> call)
    {
        RequireContractIrql(contract, site);
        // The kernel traces the entry ("cpuN LEVEL -> routine(arguments)"); the host adds what came back.
        var status = Kernel.InvokeDriver(site.Cpu, site.Irql, contract.Role, contract.Page, state, call, arguments);
        Trace(new TraceEntry("    <- {0}", status));
        Log.Checked(StatusRules.DocumentedStatusOnly);
        if (!contract.Documents(status))
        {
            Log.Report(StatusRules.DocumentedStatusOnly, $"one of {contract.DescribeStatuses()} from {contract.Role}", NtStatusFacts.Describe(status), contract.Page);
            CheckOptionalHandlerSupported(contract, status);
        }

        return status;
    }

    /// <summary>NetDMA never calls a handler outside the handler's own IRQL contract; a script that asks for it is wrong.</summary>
    private static void RequireContractIrql(DdiContract contract, CallSite site)
    {
        if (!contract.Irql.Allows(site.Irql))
        {
            throw new ScriptSequenceException($"NetDMA calls {contract.Role} at {contract.Irql.Describe()}; the script asks for {site.Irql.ToDdiName()}");
        }
    }

    private ProviderRegistration StartedProvider(string operation)
    {
        if (Provider is not { State: ProviderState.Started } provider)
        {
            throw new ScriptSequenceException($"NetDMA calls {operation} only on a started provider (after NetDmaProviderStart); the provider is {(Provider is null ? "not registered" : Provider.State.ToString())}");
        }

        return provider;
    }

    private HostChannel NamedChannel(string name, string operation)
    {
        if (!_channelsByName.TryGetValue(name, out var channel))
        {
            var why = _failedAllocations.TryGetValue(name, out var status)
                ? $"its ProviderAllocateDmaChannel returned {NtStatusFacts.Describe(status)}"
                : "it was freed";
            throw new ScriptSequenceException($"{operation} on channel '{name}' cannot be called: {why}");
        }

        return channel;
    }

    /// <summary>
    /// NetDMA allocates channel <paramref name="name"/>: calls ProviderAllocateDmaChannel with a fresh handle, a
    /// completion-status location and <paramref name="affinityMask"/>, then checks the status, the channel context
    /// (NDMA3002) and CpuNumber (NDMA3003, NDMA3004). Source: nc-netdma-dma_channel_allocate_handler.md.
    /// </summary>
    /// <param name="name">The script's channel name.</param>
    /// <param name="affinityMask">ProcessorAffinityMask: bit n set means CPU n may run the channel's DPC.</param>
    /// <param name="priority">ChannelPriority.</param>
    /// <param name="site">Processor and IRQL of the call (&lt;= DISPATCH_LEVEL).</param>
    /// <returns>The provider's status.</returns>
    public NtStatus AllocateChannel(string name, uint affinityMask, uint priority, CallSite site)
    {
        var provider = StartedProvider(AllocateContract.Role);
        if (_channelsByName.ContainsKey(name))
        {
            throw new ScriptSequenceException($"channel '{name}' is already allocated");
        }

        var limit = provider.Attributes!.DmaChannelCount;
        if (_channelsByName.Count >= limit)
        {
            throw new ScriptSequenceException($"NetDMA allocates at most DmaChannelCount = {limit} channels; {_channelsByName.Count} are live");
        }

        var completion = Kernel.Memory.Allocate($"{name}.completion", 8, MemoryKind.Completion);
        var revision2 = Options.NetDmaMajor >= 2;
        var parameters = new NetDmaChannelParameters
        {
            Revision = revision2 ? NetDmaChannelParameters.NET_DMA_CHANNEL_PARAMETERS_REVISION_2 : NetDmaChannelParameters.NET_DMA_CHANNEL_PARAMETERS_REVISION_1,
            Size = revision2 ? NetDmaChannelParameters.SIZEOF_NET_DMA_CHANNEL_PARAMETERS_REVISION_2 : NetDmaChannelParameters.SIZEOF_NET_DMA_CHANNEL_PARAMETERS_REVISION_1,
            CompletionVirtualAddress = completion.VirtualBase,
            CompletionPhysicalAddress = completion.PhysicalBase,
            ProcessorAffinityMask = affinityMask,
            ProcessorAffinityMaskEx = revision2 ? new GroupAffinity(affinityMask, 0) : default,
            ChannelPriority = priority,
            CpuNumber = CpuNumberNotWritten,
        };
        var handle = new NetDmaChannelHandle(_nextChannelHandle++);
        var choice = ChoiceAtAllocation(affinityMask);
        var allocate = provider.Characteristics.AllocateDmaChannel!;
        object? context = null;
        var poolBefore = Kernel.PoolAllocationCount;
        var status = CallProvider(AllocateContract, $"{name}={handle}, ProcessorAffinityMask={Hex(affinityMask)}, ChannelPriority={priority}", site,
            () => allocate(provider.Context, parameters, handle, out context));

        if (!NtStatusFacts.NT_SUCCESS(status))
        {
            CheckFailedAllocationReleased(name, status, poolBefore);
            Kernel.Memory.Free(completion);
            _failedAllocations[name] = status;
            return status;
        }

        _failedAllocations.Remove(name);
        CheckAllocatedChannel(name, parameters, context);
        var channel = new HostChannel(name, handle, parameters, completion, RingFor(name), _spareProgress.TryPop(out var spare) ? spare : new EngineProgress())
        {
            ProviderContext = context,
            MsiXChoice = choice,
        };
        _channelsByName.Add(name, channel);
        _channelsByHandle.Add(handle, channel);
        _liveChannels.Add(channel);
        _channelsByRing[channel.Ring.Buffer] = channel;
        _channelsByCompletion.Add(completion, channel);
        return status;
    }

    /// <summary>The descriptor ring of a new channel <paramref name="name"/>: the memory of the last freed channel of that name, or new memory.</summary>
    private DescriptorRing RingFor(string name) =>
        _freedRings.Remove(name, out var freed)
            ? new DescriptorRing(Kernel.Memory, freed, Options.UnterminatedChains)
            : new DescriptorRing(Kernel.Memory, name, Options.UnterminatedChains);

    /// <summary>
    /// NDMA5015: after a failed ProviderAllocateDmaChannel, every pool block the call allocated is freed again
    /// (allocating-a-netdma-channel.md: "the driver should release any resources that it allocated").
    /// </summary>
    private void CheckFailedAllocationReleased(string name, NtStatus status, int poolBefore)
    {
        Log.Checked(MemoryRules.FailedAllocationReleases);
        foreach (var block in Kernel.OutstandingPoolBlocks.Where(b => b.Sequence > poolBefore))
        {
            Log.Report(MemoryRules.FailedAllocationReleases,
                $"every pool block ProviderAllocateDmaChannel allocated for {name} freed before it returns a failure",
                $"ProviderAllocateDmaChannel returned {NtStatusFacts.Describe(status)} with {block}, allocated in {block.AllocatedIn}, still outstanding",
                "allocating-a-netdma-channel.md");
        }
    }

    private void CheckAllocatedChannel(string name, NetDmaChannelParameters parameters, object? context)
    {
        Log.Checked(LifecycleRules.DistinctChannelContext);
        if (context is null)
        {
            Log.Report(LifecycleRules.DistinctChannelContext, $"a non-null pProviderChannelContext for {name} on success", "pProviderChannelContext = NULL", AllocateContract.Page);
        }
        else if (_channelsByName.Values.FirstOrDefault(c => ReferenceEquals(c.ProviderContext, context)) is { } twin)
        {
            Log.Report(LifecycleRules.DistinctChannelContext, $"a channel context for {name} distinct from every live channel's", $"the same context object as live channel {twin.Name}", AllocateContract.Page);
        }

        var cpu = parameters.CpuNumber;
        var mask = parameters.ProcessorAffinityMask;
        Log.Checked(LifecycleRules.CpuNumberInMask);
        Log.Checked(LifecycleRules.CpuNumberReported);
        if (cpu == CpuNumberNotWritten)
        {
            Log.Report(LifecycleRules.CpuNumberReported, $"ChannelParameters->CpuNumber written for {name} before ProviderAllocateDmaChannel returns", "CpuNumber left unwritten", AllocateContract.Page);
        }
        else if (cpu >= Options.ProcessorCount || cpu >= 32 || (mask & (1u << (int)cpu)) == 0)
        {
            Log.Report(LifecycleRules.CpuNumberInMask, $"a CPU number whose bit is set in ProcessorAffinityMask {Hex(mask)} (active CPUs 0..{Options.ProcessorCount - 1})",
                $"CpuNumber = {cpu}", LifecycleRules.CpuNumberInMask.Page);
        }
    }

    /// <summary>
    /// NetDMA frees <paramref name="name"/>: waits for its outstanding DMA operations (NDMA3030), then calls
    /// ProviderFreeDmaChannel; afterwards nothing may touch the channel (nc-netdma-dma_channel_free_handler.md).
    /// </summary>
    public void FreeChannel(string name, CallSite site) => FreeChannel(name, site, FreeContract.Role);

    private void FreeChannel(string name, CallSite site, string waitBefore)
    {
        var channel = NamedChannel(name, FreeContract.Role);
        RequireContractIrql(FreeContract, site);
        WaitForOutstandingDma(channel, site, waitBefore);
        var free = Provider!.Characteristics.FreeDmaChannel!;
        Kernel.InvokeDriver(site.Cpu, site.Irql, FreeContract.Role, FreeContract.Page, (Handler: free, Context: channel.ProviderContext!),
            static call =>
            {
                call.Handler(call.Context);
                return true;
            }, name);
        channel.State = ChannelState.Freed;
        _channelsByName.Remove(name);
        _liveChannels.Remove(channel);
        _freedRings[name] = channel.Ring.Buffer;
        _spareProgress.Push(channel.ReleaseProgress(_releasedProgress));
    }

    /// <summary>NetDMA starts <paramref name="descriptors"/> on <paramref name="name"/> with ProviderStartDma (nc-netdma-dma_start_handler.md).</summary>
    public NtStatus StartDma(string name, IReadOnlyList<DescriptorSpec> descriptors, CallSite site)
    {
        var provider = StartedProvider(StartContract.Role);
        var channel = NamedChannel(name, StartContract.Role);
        descriptors = WithDescriptorFaults(channel, descriptors);
        var chain = Submit(channel, descriptors, linkToPrevious: false);
        channel.Progress.Start(chain, descriptors);
        channel.Progress.Linked(chain);
        channel.Progress.RereadExpected = null;
        var start = provider.Characteristics.StartDma!;
        var status = CallProvider(StartContract, new TraceArguments("{0}, {1}, DescriptorCount={2}", name, chain.PhysicalAddress, chain.Count), site,
            (Handler: start, Context: channel.ProviderContext!, Chain: chain),
            static call => call.Handler(call.Context, call.Chain.VirtualAddress, call.Chain.PhysicalAddress, call.Chain.Count));
        if (NtStatusFacts.NT_SUCCESS(status))
        {
            channel.State = ChannelState.Started;
        }

        return status;
    }

    /// <summary>NetDMA appends <paramref name="descriptors"/> to the running chain of <paramref name="name"/> with ProviderAppendDma (nc-netdma-dma_append_handler.md).</summary>
    public NtStatus AppendDma(string name, IReadOnlyList<DescriptorSpec> descriptors, CallSite site)
    {
        var provider = StartedProvider(AppendContract.Role);
        var channel = NamedChannel(name, AppendContract.Role);
        if (channel.State == ChannelState.NeedsStart)
        {
            throw new ScriptSequenceException($"NetDMA calls ProviderStartDma, not ProviderAppendDma, after allocate, abort or reset (channel '{name}')");
        }

        descriptors = WithDescriptorFaults(channel, descriptors);
        channel.AppendInProgress = true;
        try
        {
            var chain = Submit(channel, descriptors, linkToPrevious: true);
            channel.Progress.Append(chain, descriptors);
            var append = provider.Characteristics.AppendDma!;
            var status = CallProvider(AppendContract, new TraceArguments("{0}, {1}, DescriptorCount={2}", name, chain.PhysicalAddress, chain.Count), site,
                (Handler: append, Context: channel.ProviderContext!, Chain: chain),
                static call => call.Handler(call.Context, call.Chain.VirtualAddress, call.Chain.PhysicalAddress, call.Chain.Count));
            channel.Progress.Linked(chain);
            return status;
        }
        finally
        {
            channel.AppendInProgress = false;
        }
    }

    private SubmittedChain Submit(HostChannel channel, IReadOnlyList<DescriptorSpec> descriptors, bool linkToPrevious)
    {
        RequirePageBreakVersion(channel, descriptors);
        try
        {
            var chain = channel.Ring.Submit(descriptors, linkToPrevious);
            _unsubmittedFetchReported.Remove(channel);
            return chain;
        }
        catch (InvalidOperationException e)
        {
            throw new ScriptSequenceException($"channel '{channel.Name}': {e.Message}");
        }
    }

    /// <summary>
    /// NetDMA suspends <paramref name="name"/> with ProviderSuspendDma and checks (NDMA3012,
    /// nc-netdma-dma_suspend_handler.md) that the current descriptor was completed before it returned and that
    /// pLastDescriptor is the last descriptor the engine processed (<see cref="CheckSuspendReport"/>).
    /// </summary>
    /// <exception cref="CapabilityMissingException">The provider has no ProviderSuspendDma.</exception>
    public NtStatus SuspendDma(string name, CallSite site)
    {
        var provider = StartedProvider(SuspendContract.Role);
        var channel = NamedChannel(name, SuspendContract.Role);
        var suspend = provider.Characteristics.SuspendDma ?? throw new CapabilityMissingException(SuspendContract.Role);
        if (channel.State != ChannelState.Started)
        {
            throw new ScriptSequenceException($"NetDMA suspends only a started channel; '{name}' is {channel.State}");
        }

        var last = PhysicalAddress.Null;
        var status = CallProvider(SuspendContract, name, site, () => suspend(channel.ProviderContext!, out last));
        if (!NtStatusFacts.NT_SUCCESS(status))
        {
            return status;
        }

        Trace($"    <- pLastDescriptor={last}");
        CheckSuspendReport(channel, last);
        channel.LastReportedDescriptor = last;
        channel.State = ChannelState.Suspended;
        channel.Progress.RereadExpected = null;
        return status;
    }

    /// <summary>
    /// While <paramref name="name"/> is suspended, NetDMA changes its chain: <paramref name="descriptors"/> replace
    /// what follows the descriptor the engine processed last (pLastDescriptor of the suspend), by rewriting that
    /// descriptor's NextDescriptor. The resumed engine must reload it to get the new link
    /// (nc-netdma-dma_resume_handler.md; NDMA5009). For NetDMA 2.0 chains, which the provider counts by
    /// DescriptorCount, the new chain has as many descriptors as it replaces.
    /// </summary>
    /// <exception cref="ScriptSequenceException">The channel is not suspended, the suspend reported no descriptor, or the counts differ.</exception>
    public void Relink(string name, IReadOnlyList<DescriptorSpec> descriptors)
    {
        var channel = NamedChannel(name, "relink");
        if (channel.State != ChannelState.Suspended)
        {
            throw new ScriptSequenceException($"NetDMA changes a chain only while its channel is suspended; '{name}' is {channel.State}");
        }

        var last = channel.LastReportedDescriptor;
        if (last.IsNull || channel.Progress.Find(last) is not { } processed || !channel.Progress.Chain.Contains(processed))
        {
            throw new ScriptSequenceException($"relink needs a suspend of '{name}' that reported a descriptor of the current chain in pLastDescriptor; it reported {last}");
        }

        var replaced = channel.Progress.RemainingAfter(processed);
        if (Options.UnterminatedChains && replaced != descriptors.Count)
        {
            throw new ScriptSequenceException(
                $"a NetDMA 2.0 provider counts the descriptors of start and append; a relink of '{name}' replaces {replaced} unprocessed descriptor(s), so the new chain needs {replaced}, not {descriptors.Count}");
        }

        RequirePageBreakVersion(channel, descriptors);
        try
        {
            var chain = channel.Ring.Relink(last, descriptors);
            _unsubmittedFetchReported.Remove(channel);
            channel.Progress.Relink(last, chain, descriptors);
            Trace($"NetDMA relinks {name}: NextDescriptor of {last} = {chain.PhysicalAddress} ({chain.Count} descriptor(s))");
        }
        catch (InvalidOperationException e)
        {
            throw new ScriptSequenceException($"channel '{name}': {e.Message}");
        }
    }

    /// <summary>NetDMA submits page-break descriptors only to a NetDMA 2.0 provider, and only a 2.0 interface does (ns-netdma-_net_dma_descriptor.md).</summary>
    private void RequirePageBreakVersion(HostChannel channel, IReadOnlyList<DescriptorSpec> descriptors)
    {
        const NetDmaDescriptorControlFlags PageBreaks = NetDmaDescriptorControlFlags.NET_DMA_SOURCE_PAGE_BREAK | NetDmaDescriptorControlFlags.NET_DMA_DESTINATION_PAGE_BREAK;
        var anyPageBreak = false;
        for (var i = 0; i < descriptors.Count && !anyPageBreak; i++)
        {
            anyPageBreak = (descriptors[i].Flags & PageBreaks) != 0; // a loop: every submission asks
        }

        if (!anyPageBreak)
        {
            return;
        }

        if (Options.NetDmaMajor < 2)
        {
            throw new ScriptSequenceException($"page-break descriptors on '{channel.Name}' need a NetDMA 2.0 platform (platform netdma=2.0); this one is {Options.NetDmaMajor}.{Options.NetDmaMinor}");
        }

        if (Provider!.Characteristics.MajorVersion < 2)
        {
            throw new NetDmaVersionSkipException(
                $"the provider registered NetDMA {Provider.Characteristics.MajorVersion}.{Provider.Characteristics.MinorVersion}; NetDMA submits page-break descriptors only to NetDMA 2.0 and later providers");
        }
    }

    /// <summary>NetDMA resumes a suspended channel with ProviderResumeDma (nc-netdma-dma_resume_handler.md).</summary>
    /// <exception cref="CapabilityMissingException">The provider has no ProviderResumeDma.</exception>
    public NtStatus ResumeDma(string name, CallSite site)
    {
        var provider = StartedProvider(ResumeContract.Role);
        var channel = NamedChannel(name, ResumeContract.Role);
        var resume = provider.Characteristics.ResumeDma ?? throw new CapabilityMissingException(ResumeContract.Role);
        if (channel.State != ChannelState.Suspended)
        {
            throw new ScriptSequenceException($"NetDMA resumes only a suspended channel; '{name}' is {channel.State}");
        }

        // "the hardware should reload the DMA descriptor that it processed last to get the new next descriptor". The
        // expectation is armed before the call: under schedule exploration the engine can take the resume and run on
        // before ProviderResumeDma returns, and its first fetch then happens during the call. Taken after the return,
        // the engine's last descriptor was one it completed after the resume, and a correct engine's next fetch was
        // reported as a missed reread (issue 8). A suspended channel completes nothing, so before the call this is
        // the descriptor processed last before the suspend.
        var progress = channel.Progress;
        progress.RereadExpected = progress.CompletedSinceStart && progress.LastCompleted is { } last && progress.Chain.Contains(last)
            ? last.Address
            : null;
        NtStatus status;
        _resuming = channel;
        try
        {
            status = CallProvider(ResumeContract, name, site, () => resume(channel.ProviderContext!));
        }
        finally
        {
            _resuming = null;
        }

        if (NtStatusFacts.NT_SUCCESS(status))
        {
            channel.State = ChannelState.Started;
        }
        else
        {
            progress.RereadExpected = null; // the channel stays suspended: no resumed engine to reload anything
        }

        return status;
    }

    /// <summary>NetDMA aborts every transfer of <paramref name="name"/> with ProviderAbortDma (nc-netdma-dma_abort_handler.md).</summary>
    /// <exception cref="CapabilityMissingException">The provider has no ProviderAbortDma.</exception>
    public NtStatus AbortDma(string name, CallSite site)
    {
        var provider = StartedProvider(AbortContract.Role);
        var channel = NamedChannel(name, AbortContract.Role);
        var abort = provider.Characteristics.AbortDma ?? throw new CapabilityMissingException(AbortContract.Role);
        _halting = channel;
        NtStatus status;
        try
        {
            status = CallProvider(AbortContract, name, site, () => abort(channel.ProviderContext!));
        }
        finally
        {
            _halting = null;
        }

        if (NtStatusFacts.NT_SUCCESS(status))
        {
            Discard(channel, AbortContract);
        }

        return status;
    }

    /// <summary>NetDMA resets <paramref name="name"/> to its just-allocated state with ProviderResetChannel (nc-netdma-dma_reset_handler.md).</summary>
    /// <exception cref="CapabilityMissingException">The provider has no ProviderResetChannel.</exception>
    public NtStatus ResetChannel(string name, CallSite site)
    {
        var provider = StartedProvider(ResetContract.Role);
        var channel = NamedChannel(name, ResetContract.Role);
        var reset = provider.Characteristics.ResetChannel ?? throw new CapabilityMissingException(ResetContract.Role);
        _halting = channel;
        NtStatus status;
        try
        {
            status = CallProvider(ResetContract, name, site, () => reset(channel.ProviderContext!));
        }
        finally
        {
            _halting = null;
        }

        if (NtStatusFacts.NT_SUCCESS(status))
        {
            Discard(channel, ResetContract);
        }

        return status;
    }

    /// <summary>After a successful abort or reset, every descriptor submitted so far is dead to the engine.</summary>
    private static void Discard(HostChannel channel, DdiContract by)
    {
        foreach (var descriptor in channel.Progress.DescriptorValues)
        {
            channel.Discarded.TryAdd(descriptor.Address, by.Role);
        }

        channel.Progress.Discard();

        channel.State = ChannelState.NeedsStart;
    }

    /// <summary>
    /// Watches the engine's descriptor fetches: none from a freed channel's descriptor memory (NDMA3015), none of a
    /// descriptor an abort or reset discarded (NDMA3013).
    /// </summary>
    private void CheckDescriptorFetch(DescriptorFetch fetch)
    {
        if (!_channelsByRing.TryGetValue(fetch.Buffer, out var channel))
        {
            return;
        }

        Log.Checked(LifecycleRules.AbortResetForget);
        Log.Checked(LifecycleRules.NothingAfterFree);
        if (channel.State == ChannelState.Freed)
        {
            Log.Report(LifecycleRules.NothingAfterFree, $"no DMA access for {channel.Name} after ProviderFreeDmaChannel",
                $"{fetch.Initiator} fetched the descriptor at {fetch.Address} of freed channel {channel.Name}", FreeContract.Page);
        }
        else if (channel.Discarded.TryGetValue(fetch.Address, out var discardedBy))
        {
            var page = discardedBy == AbortContract.Role ? AbortContract.Page : ResetContract.Page;
            Log.Report(LifecycleRules.AbortResetForget, $"no fetch of a descriptor submitted on {channel.Name} before {discardedBy}",
                $"{fetch.Initiator} fetched the descriptor at {fetch.Address} after {discardedBy} returned STATUS_SUCCESS", page);
        }
        else
        {
            CheckFetchWhileSuspended(channel, fetch);
            CheckFetchSubmitted(channel, fetch);
            ObserveFetch(channel, fetch);
        }
    }

    /// <summary>Reads the 64-bit completion status of <paramref name="name"/>: last descriptor address | NET_DMA_TRANSFER_STATUS.</summary>
    public ulong ReadCompletionStatus(string name)
    {
        var channel = _channelsByHandle.Values.LastOrDefault(c => c.Name == name)
            ?? throw new ScriptSequenceException($"channel '{name}' was never allocated");
        return BitConverter.ToUInt64(Kernel.Memory.ReadBytes(channel.Completion, 0, 8));
    }
}
