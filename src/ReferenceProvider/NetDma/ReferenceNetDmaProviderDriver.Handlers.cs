using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.ReferenceProvider.NetDma;

/// <summary>The nine ProviderXxx handlers NetDMA calls (INetDmaProvider).</summary>
public sealed partial class ReferenceNetDmaProviderDriver
{
    /// <inheritdoc/>
    /// <remarks>
    /// PASSIVE_LEVEL, inside NetDmaRegisterProvider, MSI-X platforms only. Records the CPU number of each channel's
    /// interrupt for FilterResourceRequirements (nc-netdma-dma_channels_cpu_affinity_handler.md). NetDMA sizes the
    /// array for MaxDmaChannelCount; entries for channels this engine lacks are ignored. CpuAffinityArraySize counts
    /// entries (the contract's reading; the page says bytes), and is bounded by the array's real length.
    /// </remarks>
    public NtStatus SetDmaChannelCpuAffinity(object ProviderContext, NetDmaChannelCpuAffinity[] CpuAffinityArray, uint CpuAffinityArraySize)
    {
        if (CpuAffinityArray is null)
        {
            return NtStatus.STATUS_UNSUCCESSFUL;
        }

        var entries = Math.Min(CpuAffinityArraySize, (uint)CpuAffinityArray.Length);
        for (var i = 0; i < entries; i++)
        {
            var affinity = CpuAffinityArray[i];
            if (affinity.DmaChannel < (uint)_channelCount)
            {
                _affinityCpuByChannel[affinity.DmaChannel] = affinity.CpuNumber;
            }
        }

        return NtStatus.STATUS_SUCCESS;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// IRQL &lt;= DISPATCH_LEVEL. Takes a free channel whose MSI-X interrupt targets a CPU in
    /// ProcessorAffinityMask; otherwise any free channel, steering its DPC with KeSetTargetProcessorDpc to the lowest
    /// active CPU in the mask (nc-netdma-dma_channel_allocate_handler.md). Always reports that CPU number in
    /// ChannelParameters.CpuNumber. STATUS_INSUFFICIENT_RESOURCES (the page's STATUS_RESOURCES) when no channel is
    /// free, the mask names no active CPU, or the context's non-paged pool block cannot be allocated.
    /// </remarks>
    public NtStatus AllocateDmaChannel(object ProviderContext, NetDmaChannelParameters ChannelParameters, NetDmaChannelHandle NetDmaChannelHandle, out object? pProviderChannelContext)
    {
        pProviderChannelContext = null;
        if (!_started || ChannelParameters is null)
        {
            return NtStatus.STATUS_UNSUCCESSFUL;
        }

        var kernel = Kernel;
        var interruptCpus = new uint?[_channels.Length];
        for (var index = 0; index < _channels.Length; index++)
        {
            interruptCpus[index] = _channels[index].InterruptCpu;
        }

        var candidates = ChannelSelection.Rank(interruptCpus, ChannelParameters.ProcessorAffinityMask, kernel.KeQueryActiveProcessorCount());
        if (candidates.Count == 0)
        {
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        // Non-paged: NetDMA may call every handler at DISPATCH_LEVEL, where paged memory must not be touched.
        var poolBlock = kernel.ExAllocatePool2(PoolType.NonPagedPoolNx, ProviderChannelContext.PoolBlockSize, ChannelContextPoolTag);
        if (poolBlock.IsNull)
        {
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        foreach (var candidate in candidates)
        {
            var channel = _channels[candidate.Channel];
            ProviderChannelContext? context = null;
            kernel.KeAcquireSpinLock(channel.SpinLock, out var oldIrql);
            if (channel.Owner is null)
            {
                context = new ProviderChannelContext(
                    channel,
                    NetDmaChannelHandle,
                    poolBlock,
                    ChannelParameters.CompletionVirtualAddress,
                    ChannelParameters.CompletionPhysicalAddress);
                channel.Owner = context;
                Engine.Assign(channel.Index, ChannelParameters.CompletionPhysicalAddress);

                // The DPC must run on the CPU reported in CpuNumber (rule NDMA3005). With a matching MSI-X message
                // that is the message's CPU, where the ISR runs too; otherwise only the DPC moves into the mask.
                kernel.KeSetTargetProcessorDpc(channel.InterruptDpc, (byte)candidate.CpuNumber);
                channel.DpcTargetCpu = candidate.CpuNumber;
            }

            kernel.KeReleaseSpinLock(channel.SpinLock, oldIrql);
            if (context is not null)
            {
                ChannelParameters.CpuNumber = candidate.CpuNumber;
                pProviderChannelContext = context;
                return NtStatus.STATUS_SUCCESS;
            }
        }

        // allocating-a-netdma-channel.md: on failure, release what the allocation took.
        kernel.ExFreePool(poolBlock);
        return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// IRQL &lt;= DISPATCH_LEVEL. NetDMA has no outstanding operation on the channel; it calls nothing for it
    /// afterwards (nc-netdma-dma_channel_free_handler.md). Stops the hardware channel without another memory access,
    /// drops its pending interrupt, frees it for the next allocation, waits for an ISR or DPC of the channel still
    /// reporting on another processor (the last completion's interrupt may be in flight) and frees the context's pool block.
    /// </remarks>
    public void FreeDmaChannel(object ProviderChannelContext)
    {
        if (ProviderChannelContext is not ProviderChannelContext context)
        {
            return;
        }

        var kernel = Kernel;
        var channel = context.Channel;
        kernel.KeAcquireSpinLock(channel.SpinLock, out var oldIrql);
        var wasLive = !context.Freed;
        if (wasLive)
        {
            context.Freed = true;
            BeginEngineCommand(channel.Index, halts: true);
            Engine.Release(channel.Index);
            Engine.EndCommand(channel.Index);
            channel.Owner = null;
            channel.DpcRequested = false;
        }

        kernel.KeReleaseSpinLock(channel.SpinLock, oldIrql);
        if (wasLive)
        {
            WaitForReportsToEnd(channel);
            kernel.ExFreePool(context.PoolBlock);
        }
    }

    /// <summary>
    /// After free cleared the owner: waits until no ISR or interrupt DPC that read the old owner is still running on
    /// another processor, so none calls NetDmaIsr or NetDmaInterruptDpc for the channel after ProviderFreeDmaChannel
    /// returns (a later interrupt or DPC finds no owner and reports nothing). A spin at the caller's IRQL that ends as
    /// soon as they leave (neither waits for anything); each turn asks the kernel for the IRQL, which on the kit's
    /// kernel also lets the other processors run. One call at a time nothing is in flight here and the loop does not
    /// turn. On Windows KeSynchronizeExecution and KeFlushQueuedDpcs do this; their pages are not in the kit's corpus.
    /// </summary>
    private void WaitForReportsToEnd(ProviderChannel channel)
    {
        while (Volatile.Read(ref channel.IsrsInFlight) != 0 || Volatile.Read(ref channel.DpcsInFlight) != 0)
        {
            _ = Kernel.KeGetCurrentIrql();
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// IRQL &lt;= DISPATCH_LEVEL. Discards the current chain and runs the one at DescriptorPhysicalAddress; valid
    /// after allocation, abort and reset as well as on a running channel (nc-netdma-dma_start_handler.md).
    /// STATUS_UNSUCCESSFUL for a NULL or misaligned descriptor address or a freed context.
    /// </remarks>
    public NtStatus StartDma(object ProviderChannelContext, VirtualAddress DescriptorVirtualAddress, PhysicalAddress DescriptorPhysicalAddress, uint DescriptorCount) =>
        IsDescriptorAddress(DescriptorPhysicalAddress)
            ? CommandChannel(ProviderChannelContext, (Address: DescriptorPhysicalAddress, Count: DescriptorCount), static (engine, index, chain) =>
            {
                engine.Start(index, chain.Address, chain.Count);
                return true;
            })
            : NtStatus.STATUS_UNSUCCESSFUL;

    /// <inheritdoc/>
    /// <remarks>
    /// IRQL &lt;= DISPATCH_LEVEL. Extends the started chain; if the engine already reached its end it rereads the last
    /// descriptor, whose NextDescriptor NetDMA has linked to the new chain (nc-netdma-dma_append_handler.md). NetDMA
    /// 2.0 chains are counted by DescriptorCount. STATUS_UNSUCCESSFUL when the channel has no started chain (never
    /// started, or aborted or reset since), for a NULL or misaligned address, or a freed context.
    /// </remarks>
    public NtStatus AppendDma(object ProviderChannelContext, VirtualAddress DescriptorVirtualAddress, PhysicalAddress DescriptorPhysicalAddress, uint DescriptorCount) =>
        IsDescriptorAddress(DescriptorPhysicalAddress)
            ? CommandChannel(ProviderChannelContext, DescriptorCount, static (engine, index, count) => engine.Append(index, count))
            : NtStatus.STATUS_UNSUCCESSFUL;

    /// <inheritdoc/>
    /// <remarks>
    /// IRQL &lt;= DISPATCH_LEVEL. The engine completes whole descriptors only, so the current one is done; it stops,
    /// writes NetDmaTransferStatusSuspend when status reporting is enabled, and pLastDescriptor receives the last
    /// processed descriptor (nc-netdma-dma_suspend_handler.md). STATUS_UNSUCCESSFUL when the channel is not running.
    /// </remarks>
    public NtStatus SuspendDma(object ProviderChannelContext, out PhysicalAddress pLastDescriptor)
    {
        var lastDescriptor = PhysicalAddress.Null;
        var status = CommandChannel(ProviderChannelContext, index => Engine.Suspend(index, out lastDescriptor));
        pLastDescriptor = lastDescriptor;
        return status;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// IRQL &lt;= DISPATCH_LEVEL. The engine rereads the last processed descriptor for its new NextDescriptor and
    /// continues (nc-netdma-dma_resume_handler.md). STATUS_UNSUCCESSFUL when the channel is not suspended.
    /// </remarks>
    public NtStatus ResumeDma(object ProviderChannelContext) => CommandChannel(ProviderChannelContext, Engine.Resume);

    /// <inheritdoc/>
    /// <remarks>
    /// IRQL &lt;= DISPATCH_LEVEL. Stops at once without finishing a descriptor, writes NetDmaTransferStatusHalted when
    /// status reporting is enabled, forgets the chain; the channel then waits for ProviderStartDma
    /// (nc-netdma-dma_abort_handler.md).
    /// </remarks>
    public NtStatus AbortDma(object ProviderChannelContext) => CommandChannel(ProviderChannelContext, index =>
    {
        Engine.Abort(index);
        return true;
    }, halts: true);

    /// <inheritdoc/>
    /// <remarks>
    /// IRQL &lt;= DISPATCH_LEVEL. As ProviderAbortDma, then the channel is back in its just-allocated state: no
    /// previously submitted descriptor is touched again and no interrupt is pending (nc-netdma-dma_reset_handler.md).
    /// </remarks>
    public NtStatus ResetChannel(object ProviderChannelContext) => CommandChannel(ProviderChannelContext, index =>
    {
        Engine.Reset(index);
        return true;
    }, halts: true);

    /// <summary>
    /// Gives the engine one command for a live channel, under the channel's spin lock (so the handler runs the command
    /// at DISPATCH_LEVEL whatever IRQL NetDMA called it at, and returns at that IRQL). STATUS_SUCCESS when the
    /// channel is live and the engine accepted the command, else STATUS_UNSUCCESSFUL (both documented by every
    /// per-channel handler page). <paramref name="halts"/> for an abort or a reset, which stop the descriptor the engine
    /// has fetched without moving its data.
    /// </summary>
    private NtStatus CommandChannel(object ProviderChannelContext, Func<int, bool> command, bool halts = false) =>
        CommandChannel(ProviderChannelContext, command, static (_, index, command) => command(index), halts);

    /// <summary>
    /// <see cref="CommandChannel(object, Func{int, bool}, bool)"/> with the command's state passed in, so that a static
    /// <paramref name="command"/> allocates no closure: ProviderStartDma and ProviderAppendDma are the data path.
    /// </summary>
    private NtStatus CommandChannel<TState>(object ProviderChannelContext, TState state, Func<CopyEngine, int, TState, bool> command, bool halts = false)
    {
        if (ProviderChannelContext is not ProviderChannelContext context)
        {
            return NtStatus.STATUS_UNSUCCESSFUL;
        }

        var kernel = Kernel;
        var channel = context.Channel;
        kernel.KeAcquireSpinLock(channel.SpinLock, out var oldIrql);
        BeginEngineCommand(channel.Index, halts);
        var accepted = !context.Freed && command(Engine, channel.Index, state);
        Engine.EndCommand(channel.Index);
        kernel.KeReleaseSpinLock(channel.SpinLock, oldIrql);
        return accepted ? NtStatus.STATUS_SUCCESS : NtStatus.STATUS_UNSUCCESSFUL;
    }

    /// <summary>
    /// Opens a command on the channel's engine and waits for a step already running there to end (the engine's command
    /// handshake, CopyEngine.cs), so the command takes effect between two steps; <see cref="CopyEngine.EndCommand"/>
    /// closes it. Called under the channel's spin lock. A spin at DISPATCH_LEVEL that ends with the step (the engine
    /// waits for nothing the driver holds); each turn asks the kernel for the IRQL, which on the kit's kernel also lets
    /// the engine run. One call at a time no step is running and the loop does not turn.
    /// </summary>
    private void BeginEngineCommand(int channel, bool halts)
    {
        Engine.BeginCommand(channel, halts);
        while (Engine.IsStepping(channel))
        {
            _ = Kernel.KeGetCurrentIrql();
        }
    }

    /// <summary>A descriptor is 64 bytes and 64-byte aligned (ns-netdma-_net_dma_descriptor.md).</summary>
    private static bool IsDescriptorAddress(PhysicalAddress address) =>
        !address.IsNull && address.QuadPart % NetDmaDescriptor.SizeInBytes == 0;
}
