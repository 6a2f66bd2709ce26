using NetDma.ConformanceKit.Host;
using NetDma.ConformanceKit.Scripting;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// The model of NetDMA's side of a provider: turns a generated <see cref="ExplorationCase"/> into a script that
/// makes only calls NetDMA itself makes, in orders it makes them, and asserts only what must hold.
/// </summary>
/// <remarks>
/// <para>
/// Orders (the rules the parser and the host enforce): add_device, start_device, then the steps; a channel is
/// allocated before use and at most <c>ChannelCount</c> are live (ns-netdma-_net_dma_provider_attributes.md); append
/// only after a start since the channel's allocate, abort or reset (nc-netdma-dma_append_handler.md); suspend only a
/// started channel, resume only a suspended one (nc-netdma-dma_suspend_handler.md, nc-netdma-dma_resume_handler.md);
/// before a free or a stop NetDMA waits for the channel's outstanding descriptors (freeing-a-netdma-channel.md,
/// stopping-a-netdma-provider.md): before a free the model resumes what it suspended and runs the hardware first, and a
/// <see cref="OperationKind.RestartDevice"/> stops the device with its channels still busy, leaving the wait to the
/// host's NetDmaProviderStop, after which every outstanding descriptor is asserted copied. A
/// <see cref="OperationKind.SurpriseRemoval"/> (always after start_device: the model starts the device first and a
/// restart starts it again) takes the device off the bus; every later step is dropped, nothing outstanding is
/// asserted, and the teardown is IRP_MN_REMOVE_DEVICE alone, the one request the PnP manager still sends. A step the state
/// does not allow is adapted (a start with no live channel allocates one; an append with no started channel starts
/// one) or dropped, so every case CsCheck generates or shrinks is valid. The teardown waits, frees every live
/// channel, stops and removes the device.
/// </para>
/// <para>
/// Assertions: every successful call is followed by <c>assert_status STATUS_SUCCESS</c>; every allocation by
/// <c>assert_cpu_in_mask</c>. After a <c>run</c> (until idle) every outstanding descriptor of a started channel is
/// asserted copied, its channel's completion status Idle when its last descriptor was certainly processed in that
/// run with status updates on, and the DPC CPU of a channel that certainly interrupted (NDMA3005). Destinations of
/// descriptors that abort or reset discarded before any hardware step could reach them are asserted untouched at the
/// end, then <c>assert_no_violation</c>. What the model cannot know is not asserted: descriptors after a
/// <c>run steps=k</c> or a suspend (the suspend page lets the provider finish the current descriptor), descriptors a
/// new start drops, and completion words after suspend, abort or reset.
/// </para>
/// <para>
/// Under schedule exploration a case may hold <see cref="OperationKind.Concurrently"/> blocks, rendered as
/// <c>concurrently</c> ... <c>end</c> with only the lanes NetDMA could issue at once (NetDmaSequenceModel.Concurrency.cs).
/// </para>
/// </remarks>
public sealed partial class NetDmaSequenceModel
{
    /// <summary>Name of the one source buffer every descriptor reads from (<c>fill=pattern</c>).</summary>
    public const string SourceBuffer = "src";

    /// <summary>Size in bytes of the source buffer.</summary>
    public const int SourceSize = 8192;

    /// <summary>The byte every destination buffer starts filled with, so an untouched destination is recognizable.</summary>
    public const byte DestinationFill = 0xA5;

    /// <summary>Largest TransferSize the generator draws, in bytes.</summary>
    public const int MaxTransferSize = 4096;

    private readonly List<ScriptCommand> _commands = [];
    private readonly ExplorationPlatform _platform;
    private readonly ModelChannel?[] _channels;
    private readonly List<ModelDescriptor> _untouched = [];
    private int _descriptors;
    private int _chains;
    private bool _surpriseRemoved;

    private NetDmaSequenceModel(ExplorationPlatform platform, int channelCount)
    {
        _platform = platform;
        _channels = new ModelChannel?[channelCount];
    }

    /// <summary>The script for <paramref name="case"/>, one canonical command per line (<see cref="ScriptFormatter"/>), each line ending with <c>\n</c>.</summary>
    /// <param name="case">The generated case.</param>
    /// <param name="channelCount">Most channels live at once, 1..32: the provider's DmaChannelCount.</param>
    /// <param name="title">The script's title (non-empty, one line).</param>
    /// <exception cref="ArgumentOutOfRangeException">A channel count outside 1..32, or a platform outside 1..8 processors.</exception>
    public static string Render(ExplorationCase @case, int channelCount, string title)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentOutOfRangeException.ThrowIfLessThan(channelCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channelCount, 32);
        ArgumentOutOfRangeException.ThrowIfLessThan(@case.Platform.Processors, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(@case.Platform.Processors, 8);
        var model = new NetDmaSequenceModel(@case.Platform, channelCount);
        model.Setup(title);
        foreach (var operation in @case.Operations)
        {
            model.Apply(operation);
        }

        model.Teardown();
        return string.Concat(model._commands.Select(c => ScriptFormatter.Format(c) + "\n"));
    }

    private IEnumerable<ModelChannel> Live => _channels.OfType<ModelChannel>();

    private void Emit(ScriptCommand command) => _commands.Add(command);

    private void ExpectSuccess() => Emit(new AssertStatusCommand(default, NtStatus.STATUS_SUCCESS));

    private void Setup(string title)
    {
        Emit(new TitleCommand(default, title));
        Emit(new PlatformCommand(default, _platform.Processors, _platform.MsiX, _platform.NetDmaMajor, _platform.NetDmaMinor));
        Emit(new DriverCommand(default, DriverCommand.NetDma));
        Emit(new AddDeviceCommand(default));
        ExpectSuccess();
        Emit(new StartDeviceCommand(default));
        ExpectSuccess();
        Emit(new BufferCommand(default, SourceBuffer, SourceSize, BufferFill.Pattern));
    }

    private void Apply(GeneratedOperation operation)
    {
        if (_surpriseRemoved)
        {
            // The device is gone: NetDMA makes no channel call and the PnP manager sends only IRP_MN_REMOVE_DEVICE.
            return;
        }

        var site = new CallSite(operation.Irql, (uint)(operation.Cpu % _platform.Processors));
        switch (operation.Kind)
        {
            case OperationKind.Allocate:
                if (Pick(Enumerable.Range(0, _channels.Length).Where(slot => _channels[slot] is null).ToList(), operation.Channel) is int free)
                {
                    Allocate(free, operation, site);
                }

                break;
            case OperationKind.Free:
                if (Pick(Live.ToList(), operation.Channel) is { } freed)
                {
                    WaitForOutstanding([freed]);
                    Free(freed, site);
                }

                break;
            case OperationKind.Start:
                Submit(Pick(Live.ToList(), operation.Channel) ?? AllocateFirstFree(operation, site), operation, site, start: true);
                break;
            case OperationKind.Append:
                if (Pick(Live.Where(c => c.State != ChannelState.NeedsStart).ToList(), operation.Channel) is { } started)
                {
                    Submit(started, operation, site, start: false);
                }
                else
                {
                    Submit(Pick(Live.ToList(), operation.Channel) ?? AllocateFirstFree(operation, site), operation, site, start: true);
                }

                break;
            case OperationKind.Suspend:
                if (Pick(Live.Where(c => c.State == ChannelState.Started).ToList(), operation.Channel) is { } running)
                {
                    Suspend(running, site);
                }

                break;
            case OperationKind.Resume:
                if (Pick(Live.Where(c => c.State == ChannelState.Suspended).ToList(), operation.Channel) is { } suspended)
                {
                    Resume(suspended, site);
                }

                break;
            case OperationKind.Abort:
            case OperationKind.Reset:
                if (Pick(Live.Where(c => c.State != ChannelState.NeedsStart).ToList(), operation.Channel) is { } halted)
                {
                    Discard(halted, operation.Kind, site);
                }

                break;
            case OperationKind.Run:
                RunUntilIdle();
                break;
            case OperationKind.RunSteps:
                RunSteps(operation.Steps);
                break;
            case OperationKind.RestartDevice:
                StopWithChannelsBusy();
                Array.Clear(_channels);
                Emit(new StartDeviceCommand(default));
                ExpectSuccess();
                break;
            case OperationKind.SurpriseRemoval:
                SurpriseRemove();
                break;
            case OperationKind.Concurrently:
                Concurrently(operation.Lanes);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation.Kind, "not an operation kind");
        }
    }

    private static T? Pick<T>(List<T> candidates, int choice) =>
        candidates.Count == 0 ? default : candidates[(int)((uint)choice % (uint)candidates.Count)];

    private static int? Pick(List<int> candidates, int choice) =>
        candidates.Count == 0 ? null : candidates[(int)((uint)choice % (uint)candidates.Count)];

    /// <summary>The raw mask's bits on active CPUs; when none is, the one CPU the raw mask names modulo the processors.</summary>
    private uint AffinityMask(uint raw)
    {
        var mask = raw & _platform.ActiveMask;
        return mask != 0 ? mask : 1u << (int)(raw % (uint)_platform.Processors);
    }

    private ModelChannel Allocate(int slot, GeneratedOperation operation, CallSite site)
    {
        var channel = new ModelChannel(slot);
        Emit(new AllocateCommand(default, channel.Name, AffinityMask(operation.Mask), 0, site));
        ExpectSuccess();
        Emit(new AssertCpuInMaskCommand(default, channel.Name));
        _channels[slot] = channel;
        return channel;
    }

    /// <summary>A start with no live channel: NetDMA allocates one first (there is always a free slot then).</summary>
    private ModelChannel AllocateFirstFree(GeneratedOperation operation, CallSite site) =>
        Allocate(Array.FindIndex(_channels, c => c is null), operation, site);

    private void Submit(ModelChannel channel, GeneratedOperation operation, CallSite site, bool start)
    {
        var (chain, submitted) = DeclareChain(operation);
        if (start)
        {
            // ProviderStartDma drops the current list "after it completes any processing on the current descriptor"
            // (nc-netdma-dma_start_handler.md): whether a dropped descriptor ran is not known.
            Forget(channel, DescriptorFate.Unknown, DescriptorFate.Unknown);
            Emit(new StartDmaCommand(default, channel.Name, chain, site));
            channel.State = ChannelState.Started;
        }
        else
        {
            Emit(new AppendDmaCommand(default, channel.Name, chain, site));
        }

        ExpectSuccess();
        channel.Outstanding.AddRange(submitted);
    }

    /// <summary>Declares the destination buffers and the chain a start or append of <paramref name="operation"/> submits.</summary>
    private (string Chain, List<ModelDescriptor> Submitted) DeclareChain(GeneratedOperation operation)
    {
        var descriptors = new List<CopyDescriptor>(operation.Descriptors.Count);
        var submitted = new List<ModelDescriptor>(operation.Descriptors.Count);
        for (var i = 0; i < operation.Descriptors.Count; i++)
        {
            var generated = operation.Descriptors[i];
            var length = (uint)Math.Clamp(generated.Length, 1, MaxTransferSize);
            var offset = (ulong)((uint)generated.SourceOffset % (uint)(SourceSize - length + 1));
            var destination = $"d{_descriptors++}";
            Emit(new BufferCommand(default, destination, length, BufferFill.Byte(DestinationFill)));
            var copy = new CopyDescriptor(new BufferRef(SourceBuffer, offset), new BufferRef(destination, 0), length);
            descriptors.Add(copy);
            var interrupt = operation.Interrupt == InterruptMode.Each || (operation.Interrupt == InterruptMode.Last && i == operation.Descriptors.Count - 1);
            submitted.Add(new ModelDescriptor(copy.Source, copy.Destination, length, interrupt, operation.StatusUpdate));
        }

        var chain = $"c{_chains++}";
        Emit(new ChainCommand(default, chain, descriptors, operation.Interrupt, operation.StatusUpdate));
        return (chain, submitted);
    }

    private void Suspend(ModelChannel channel, CallSite site)
    {
        Emit(new SuspendDmaCommand(default, channel.Name, site));
        ExpectSuccess();
        channel.State = ChannelState.Suspended;

        // The provider completes the current descriptor before it returns (nc-netdma-dma_suspend_handler.md).
        foreach (var descriptor in channel.Outstanding)
        {
            descriptor.Fate = DescriptorFate.Maybe;
        }
    }

    private void Resume(ModelChannel channel, CallSite site)
    {
        Emit(new ResumeDmaCommand(default, channel.Name, site));
        ExpectSuccess();
        channel.State = ChannelState.Started;
    }

    private void Discard(ModelChannel channel, OperationKind kind, CallSite site)
    {
        Emit(kind == OperationKind.Abort ? new AbortDmaCommand(default, channel.Name, site) : new ResetChannelCommand(default, channel.Name, site));
        ExpectSuccess();

        // Abort and reset stop at once without completing the current descriptor (nc-netdma-dma_abort_handler.md,
        // nc-netdma-dma_reset_handler.md): a descriptor no hardware step could have reached is never written.
        Forget(channel, DescriptorFate.Untouched, DescriptorFate.Unknown);
        channel.State = ChannelState.NeedsStart;
    }

    private void Forget(ModelChannel channel, DescriptorFate pending, DescriptorFate maybe)
    {
        foreach (var descriptor in channel.Outstanding)
        {
            descriptor.Fate = descriptor.Fate == DescriptorFate.Pending ? pending : maybe;
            if (descriptor.Fate == DescriptorFate.Untouched)
            {
                _untouched.Add(descriptor);
            }
        }

        channel.Outstanding.Clear();
    }

    private void RunSteps(int steps)
    {
        Emit(new RunCommand(default, Math.Max(1, steps)));

        // How the engine spends k steps across channels is the provider's business: anything outstanding on a
        // started channel may have run. A suspended channel processes nothing (nc-netdma-dma_suspend_handler.md).
        foreach (var channel in Live.Where(c => c.State == ChannelState.Started))
        {
            foreach (var descriptor in channel.Outstanding)
            {
                descriptor.Fate = DescriptorFate.Maybe;
            }
        }
    }

    private void RunUntilIdle()
    {
        Emit(new RunCommand(default, null));
        foreach (var channel in Live.Where(c => c.State == ChannelState.Started && c.Outstanding.Count > 0))
        {
            var last = channel.Outstanding[^1];
            var lastRanNow = last.Fate == DescriptorFate.Pending && last.StatusUpdate;
            var interrupted = channel.Outstanding.Any(d => d.Interrupt);
            foreach (var descriptor in channel.Outstanding)
            {
                descriptor.Fate = DescriptorFate.Copied;
                Emit(new AssertCopiedCommand(default, descriptor.Source, descriptor.Destination, descriptor.Length));
            }

            channel.Outstanding.Clear();
            if (lastRanNow)
            {
                // The engine processed the chain's last descriptor in this run and nothing was left: it wrote Idle
                // (ns-netdma-_net_dma_channel_parameters.md).
                Emit(new AssertCompletionCommand(default, channel.Name, NetDmaTransferStatus.NetDmaTransferStatusIdle));
            }

            if (interrupted)
            {
                Emit(new AssertDpcCpuCommand(default, channel.Name));
            }
        }
    }

    /// <summary>What NetDMA does before a free or a stop: resume what it suspended and let the hardware finish.</summary>
    private void WaitForOutstanding(IReadOnlyList<ModelChannel> channels)
    {
        if (channels.All(c => c.Outstanding.Count == 0))
        {
            return;
        }

        foreach (var channel in channels.Where(c => c.State == ChannelState.Suspended && c.Outstanding.Count > 0))
        {
            Resume(channel, CallSite.ChannelOperationDefault);
        }

        RunUntilIdle();
    }

    /// <summary>
    /// IRP_MN_STOP_DEVICE with whatever is still outstanding: NetDMA itself waits inside NetDmaProviderStop for the
    /// outstanding DMA operations, resuming a channel it suspended, and then frees every channel
    /// (nf-netdma-netdmaproviderstop.md; the host's NetDmaHost.WaitForOutstandingDma, NDMA3030). So once the stop
    /// returns, every descriptor outstanding on a started or suspended channel has been copied.
    /// </summary>
    private void StopWithChannelsBusy()
    {
        Emit(new StopDeviceCommand(default));
        foreach (var channel in Live.Where(c => c.State is ChannelState.Started or ChannelState.Suspended))
        {
            foreach (var descriptor in channel.Outstanding)
            {
                descriptor.Fate = DescriptorFate.Copied;
                Emit(new AssertCopiedCommand(default, descriptor.Source, descriptor.Destination, descriptor.Length));
            }

            channel.Outstanding.Clear();
        }
    }

    /// <summary>
    /// The device leaves the bus: whatever was outstanding may have been copied in part (its DMA fails from now on),
    /// so nothing of it is asserted; a descriptor an abort or reset discarded before any hardware step stays untouched.
    /// </summary>
    private void SurpriseRemove()
    {
        Emit(new SurpriseRemoveCommand(default));
        foreach (var channel in Live)
        {
            Forget(channel, DescriptorFate.Unknown, DescriptorFate.Unknown);
        }

        _surpriseRemoved = true;
    }

    private void Free(ModelChannel channel, CallSite site)
    {
        Emit(new FreeCommand(default, channel.Name, site));
        _channels[channel.Slot] = null;
    }

    private void Teardown()
    {
        if (!_surpriseRemoved)
        {
            WaitForOutstanding([.. Live]);
            foreach (var channel in Live.ToList())
            {
                Free(channel, CallSite.ChannelOperationDefault);
            }

            Emit(new StopDeviceCommand(default));
        }

        Emit(new RemoveDeviceCommand(default));
        foreach (var descriptor in _untouched)
        {
            Emit(new AssertBytesCommand(default, descriptor.Destination, descriptor.Length, DestinationFill));
        }

        Emit(new AssertNoViolationCommand(default));
    }
}
