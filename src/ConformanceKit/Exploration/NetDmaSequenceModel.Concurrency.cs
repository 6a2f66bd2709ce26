using NetDma.ConformanceKit.Host;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>The model's <c>concurrently</c> blocks (<see cref="OperationKind.Concurrently"/>, schedule exploration only).</summary>
public sealed partial class NetDmaSequenceModel
{
    /// <summary>
    /// One lane of a block the state allows: the step, the channel it calls, what it does there (an append with no
    /// started channel becomes a start of a channel waiting for one) and where it is issued.
    /// </summary>
    private sealed record PlannedLane(GeneratedOperation Step, ModelChannel Channel, OperationKind Kind, CallSite Site);

    /// <summary>
    /// Renders a <c>concurrently</c> block of what NetDMA could issue at once, keeping only the lanes the state allows:
    /// one lane per channel (the pages do not say NetDMA calls one channel from two processors at once), one processor
    /// per lane (the parser's rule: a processor runs one call at a time; a lane's raw CPU moves to the next free one,
    /// and lanes beyond the processor count are dropped), appends only to started channels
    /// (nc-netdma-dma_append_handler.md) and starts only of channels waiting for one, frees of any channel (a suspended one is
    /// resumed by the host inside the free), suspends of started channels and aborts of started or suspended ones. A block left with one line is that line
    /// alone, sequentially.
    /// </summary>
    /// <remarks>
    /// What the block leaves known: the hardware moves while it runs when it holds a run or a free (the host waits for
    /// the freed channel's outstanding descriptors first: freeing-a-netdma-channel.md), so then anything outstanding
    /// on a started channel, new descriptors included, may have run (<see cref="DescriptorFate.Maybe"/>) and no
    /// completion word is asserted for them. A freed channel's outstanding descriptors completed before its
    /// ProviderFreeDmaChannel: they are asserted copied after the block. A block with a run is followed by a
    /// <c>run</c> to idle (the block's run may finish before an append lands), which asserts every outstanding
    /// descriptor of a started channel copied. No <c>assert_status</c> follows a lane (the last status of a block is a
    /// race); a failed call shows in the copies asserted afterwards.
    /// </remarks>
    private void Concurrently(IReadOnlyList<GeneratedOperation> lanes)
    {
        var hasRun = lanes.Any(l => l.Kind is OperationKind.Run or OperationKind.RunSteps);
        var planned = Plan(lanes);
        if (planned.Count + (hasRun ? 1 : 0) < 2)
        {
            // Not a block: its one line runs on its own.
            if (planned.Count == 1)
            {
                Apply(planned[0].Step);
            }
            else if (hasRun)
            {
                RunUntilIdle();
            }

            return;
        }

        var hardwareMoves = hasRun || planned.Any(l => l.Kind == OperationKind.Free);
        var commands = new List<ScriptCommand>(planned.Count + 1);
        if (hasRun)
        {
            commands.Add(new RunCommand(default, null));
        }

        var submitted = new List<(ModelChannel Channel, List<ModelDescriptor> Descriptors)>();
        foreach (var lane in planned)
        {
            switch (lane.Kind)
            {
                case OperationKind.Append:
                case OperationKind.Start:
                    var (chain, descriptors) = DeclareChain(lane.Step);
                    commands.Add(lane.Kind == OperationKind.Start
                        ? new StartDmaCommand(default, lane.Channel.Name, chain, lane.Site)
                        : new AppendDmaCommand(default, lane.Channel.Name, chain, lane.Site));
                    submitted.Add((lane.Channel, descriptors));
                    break;
                case OperationKind.Free:
                    commands.Add(new FreeCommand(default, lane.Channel.Name, lane.Site));
                    break;
                case OperationKind.Suspend:
                    commands.Add(new SuspendDmaCommand(default, lane.Channel.Name, lane.Site));
                    break;
                case OperationKind.Abort:
                    commands.Add(new AbortDmaCommand(default, lane.Channel.Name, lane.Site));
                    break;
                default:
                    throw new InvalidOperationException($"{lane.Kind} is not a lane of a concurrently block");
            }
        }

        Emit(new ConcurrentlyCommand(default, commands, default));
        if (hardwareMoves)
        {
            foreach (var channel in Live.Where(c => c.State == ChannelState.Started))
            {
                foreach (var descriptor in channel.Outstanding)
                {
                    descriptor.Fate = DescriptorFate.Maybe;
                }
            }
        }

        foreach (var (channel, descriptors) in submitted)
        {
            foreach (var descriptor in descriptors)
            {
                descriptor.Fate = hardwareMoves ? DescriptorFate.Maybe : DescriptorFate.Pending;
            }

            channel.Outstanding.AddRange(descriptors);
        }

        foreach (var lane in planned)
        {
            ApplyLaneState(lane);
        }

        if (hasRun)
        {
            RunUntilIdle();
        }
    }

    /// <summary>The lanes the state allows, each on its own channel and processor.</summary>
    private List<PlannedLane> Plan(IReadOnlyList<GeneratedOperation> lanes)
    {
        var planned = new List<PlannedLane>();
        var channels = new HashSet<ModelChannel>();
        var processors = new HashSet<uint>();
        foreach (var lane in lanes.Where(l => l.Kind is not (OperationKind.Run or OperationKind.RunSteps)))
        {
            if (processors.Count == _platform.Processors)
            {
                break;
            }

            List<ModelChannel> Unused(Func<ModelChannel, bool> applies) => [.. Live.Where(c => !channels.Contains(c) && applies(c))];
            var kind = lane.Kind;
            var channel = kind switch
            {
                OperationKind.Append => Pick(Unused(c => c.State == ChannelState.Started), lane.Channel),
                // A suspended one too: the host resumes it inside the free and waits for its outstanding DMA while the
                // block's hardware lane runs (NetDmaHost.WaitForOutstandingDma), which is NetDMA's own order.
                OperationKind.Free => Pick(Unused(_ => true), lane.Channel),
                OperationKind.Suspend => Pick(Unused(c => c.State == ChannelState.Started), lane.Channel),
                OperationKind.Abort => Pick(Unused(c => c.State != ChannelState.NeedsStart), lane.Channel),
                _ => null,
            };
            if (kind == OperationKind.Append && channel is null)
            {
                channel = Pick(Unused(c => c.State == ChannelState.NeedsStart), lane.Channel);
                kind = OperationKind.Start;
            }

            if (channel is null)
            {
                continue;
            }

            var cpu = NextFreeProcessor((uint)(lane.Cpu % _platform.Processors), processors);
            channels.Add(channel);
            processors.Add(cpu);
            planned.Add(new PlannedLane(lane, channel, kind, new CallSite(lane.Irql, cpu)));
        }

        return planned;
    }

    private uint NextFreeProcessor(uint wanted, HashSet<uint> taken)
    {
        var cpu = wanted;
        while (taken.Contains(cpu))
        {
            cpu = (cpu + 1) % (uint)_platform.Processors;
        }

        return cpu;
    }

    /// <summary>What a lane leaves behind once the block has run.</summary>
    private void ApplyLaneState(PlannedLane lane)
    {
        var channel = lane.Channel;
        switch (lane.Kind)
        {
            case OperationKind.Start:
                channel.State = ChannelState.Started;
                break;
            case OperationKind.Free:
                // The host waited for the channel's outstanding DMA before ProviderFreeDmaChannel (NDMA3030).
                foreach (var descriptor in channel.Outstanding)
                {
                    descriptor.Fate = DescriptorFate.Copied;
                    Emit(new AssertCopiedCommand(default, descriptor.Source, descriptor.Destination, descriptor.Length));
                }

                channel.Outstanding.Clear();
                _channels[channel.Slot] = null;
                break;
            case OperationKind.Suspend:
                // The provider completes the current descriptor before it returns (nc-netdma-dma_suspend_handler.md):
                // which one that was is the schedule's business.
                channel.State = ChannelState.Suspended;
                foreach (var descriptor in channel.Outstanding)
                {
                    descriptor.Fate = DescriptorFate.Maybe;
                }

                break;
            case OperationKind.Abort:
                // As sequentially: what no step could have reached is never written (nc-netdma-dma_abort_handler.md).
                Forget(channel, DescriptorFate.Untouched, DescriptorFate.Unknown);
                channel.State = ChannelState.NeedsStart;
                break;
        }
    }
}
