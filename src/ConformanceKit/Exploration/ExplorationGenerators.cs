using CsCheck;
using NetDma.ConformanceKit.Catalog;
using NetDma.ConformanceKit.Scripting;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// The CsCheck generators of exploration cases. Every field is drawn from a bounded range, so CsCheck's Size order
/// (fewer steps first, then smaller values) makes a shrunk case a shorter script with shorter chains, fewer
/// processors and smaller transfers.
/// </summary>
public static class ExplorationGenerators
{
    /// <summary>Most processors a generated platform has.</summary>
    public const int MaxProcessors = 8;

    /// <summary>Most descriptors in one generated chain.</summary>
    public const int MaxChainLength = 4;

    /// <summary>Most engine steps of a generated <c>run steps=k</c>.</summary>
    public const int MaxRunSteps = 8;

    /// <summary>
    /// The IRQLs NetDMA may call every channel handler at, read from the handlers' contract attributes: those every
    /// one of ProviderAllocateDmaChannel, ProviderFreeDmaChannel, ProviderStartDma, ProviderAppendDma,
    /// ProviderSuspendDma, ProviderResumeDma, ProviderAbortDma and ProviderResetChannel allows (each page says
    /// IRQL &lt;= DISPATCH_LEVEL, so PASSIVE_LEVEL, APC_LEVEL and DISPATCH_LEVEL).
    /// </summary>
    public static IReadOnlyList<Irql> CallIrqls => ChannelIrqls;

    private static readonly Irql[] ChannelIrqls = ChannelHandlerIrqls();

    /// <summary>The platform: 1..8 processors, MSI-X on or off, NetDMA 1.1 or 2.0.</summary>
    public static Gen<ExplorationPlatform> Platform { get; } = PlatformWithin(PlatformConstraints.Any);

    /// <summary>
    /// The platform within <paramref name="constraints"/>. The same coins are drawn whatever the constraints, so a seed
    /// gives the same processors and steps with or without them.
    /// </summary>
    public static Gen<ExplorationPlatform> PlatformWithin(PlatformConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        return Gen.Select(Gen.Int[1, MaxProcessors], Gen.Bool, Gen.Bool, constraints.Choose);
    }

    /// <summary>One copy descriptor: 1..4096 bytes from a raw source offset.</summary>
    public static Gen<GeneratedDescriptor> Descriptor { get; } =
        Gen.Select(Gen.Int[1, NetDmaSequenceModel.MaxTransferSize], Gen.Int[0, NetDmaSequenceModel.SourceSize - 1],
            (length, offset) => new GeneratedDescriptor(length, offset));

    /// <summary>
    /// One step. Each kind draws only the parameters it uses (a run draws nothing, an allocation no chain), so
    /// CsCheck's Size of a step is the size of what the step really does and shrinking favours simpler steps. The
    /// kinds are weighted towards data movement (start, append, run); suspend/resume, abort and reset appear only when
    /// <paramref name="capabilities"/> has them.
    /// </summary>
    /// <param name="channelCount">Most channels live at once (raw channel choices are 0 .. channelCount-1).</param>
    /// <param name="capabilities">The provider's optional handlers.</param>
    public static Gen<GeneratedOperation> Operation(int channelCount, ProviderCapabilities capabilities) =>
        Operation(channelCount, capabilities, concurrent: false);

    /// <summary>Most channel lanes of a generated <c>concurrently</c> block (besides its run).</summary>
    public const int MaxConcurrentLanes = 3;

    /// <summary>
    /// One step; with <paramref name="concurrent"/> (schedule exploration) the steps include
    /// <see cref="OperationKind.Concurrently"/> blocks of 1..<see cref="MaxConcurrentLanes"/> channel lanes (appends
    /// mostly, and frees, suspends and aborts as the provider has them), with a run three times in four. Without it the kinds and their weights are those of <see cref="Operation(int, ProviderCapabilities)"/>,
    /// so a seed draws the same case it always drew.
    /// </summary>
    /// <param name="channelCount">Most channels live at once (raw channel choices are 0 .. channelCount-1).</param>
    /// <param name="capabilities">The provider's optional handlers.</param>
    /// <param name="concurrent">True to generate <c>concurrently</c> blocks too.</param>
    public static Gen<GeneratedOperation> Operation(int channelCount, ProviderCapabilities capabilities, bool concurrent)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentOutOfRangeException.ThrowIfLessThan(channelCount, 1);
        var channel = Gen.Int[0, channelCount - 1];
        var irql = Gen.OneOf(ChannelIrqls);
        var cpu = Gen.Int[0, MaxProcessors - 1];
        var chain = Gen.Select(Descriptor.Array[1, MaxChainLength], Gen.OneOf(InterruptMode.Last, InterruptMode.Each, InterruptMode.None), Gen.Bool,
            (descriptors, interrupt, status) => (Descriptors: descriptors, Interrupt: interrupt, Status: status));

        Gen<GeneratedOperation> OnChannel(OperationKind kind) =>
            Gen.Select(channel, irql, cpu, (c, level, on) => Step(kind) with { Channel = c, Irql = level, Cpu = on });

        Gen<GeneratedOperation> Submit(OperationKind kind) =>
            Gen.Select(channel, irql, cpu, chain, (c, level, on, submitted) => Step(kind) with
            {
                Channel = c, Irql = level, Cpu = on, Descriptors = submitted.Descriptors, Interrupt = submitted.Interrupt, StatusUpdate = submitted.Status,
            });

        var kinds = new List<(int, IGen<GeneratedOperation>)>
        {
            (4, Submit(OperationKind.Start)),
            (3, Submit(OperationKind.Append)),
            (4, Gen.Const(Step(OperationKind.Run))),
            (2, Gen.Int[1, MaxRunSteps].Select(steps => Step(OperationKind.RunSteps) with { Steps = steps })),
            (2, Gen.Select(channel, Gen.UInt[1, (1u << MaxProcessors) - 1], irql, cpu,
                (c, mask, level, on) => Step(OperationKind.Allocate) with { Channel = c, Mask = mask, Irql = level, Cpu = on })),
            (2, OnChannel(OperationKind.Free)),
            (1, Gen.Const(Step(OperationKind.RestartDevice))),
            (1, Gen.Const(Step(OperationKind.SurpriseRemoval))),
        };
        if (capabilities.SuspendResume)
        {
            kinds.Add((2, OnChannel(OperationKind.Suspend)));
            kinds.Add((2, OnChannel(OperationKind.Resume)));
        }

        if (capabilities.Abort)
        {
            kinds.Add((2, OnChannel(OperationKind.Abort)));
        }

        if (capabilities.Reset)
        {
            kinds.Add((2, OnChannel(OperationKind.Reset)));
        }

        if (concurrent)
        {
            // Suspend and abort lanes race the engine too: a provider must make them take effect between two engine steps.
            var lanes = new List<(int, IGen<GeneratedOperation>)> { (4, Submit(OperationKind.Append)), (1, OnChannel(OperationKind.Free)) };
            if (capabilities.SuspendResume)
            {
                lanes.Add((1, OnChannel(OperationKind.Suspend)));
            }

            if (capabilities.Abort)
            {
                lanes.Add((1, OnChannel(OperationKind.Abort)));
            }

            // 0 (no run) is CsCheck's smaller value: shrinking tries the block without the hardware first.
            var withRun = Gen.Int[0, 3].Select(draw => draw != 0);
            kinds.Add((4, Gen.Select(withRun, Gen.Frequency([.. lanes]).Array[1, MaxConcurrentLanes],
                (run, channelLanes) => Step(OperationKind.Concurrently) with
                {
                    Lanes = run ? [Step(OperationKind.Run), .. channelLanes] : channelLanes,
                })));
        }

        return Gen.Frequency([.. kinds]);
    }

    private static Irql[] ChannelHandlerIrqls()
    {
        DdiContract[] handlers =
        [
            DdiContract.For<DmaChannelAllocateHandler>(), DdiContract.For<DmaChannelFreeHandler>(), DdiContract.For<DmaStartHandler>(),
            DdiContract.For<DmaAppendHandler>(), DdiContract.For<DmaSuspendHandler>(), DdiContract.For<DmaResumeHandler>(),
            DdiContract.For<DmaAbortHandler>(), DdiContract.For<DmaResetHandler>(),
        ];
        return [.. Enum.GetValues<Irql>().Where(level => handlers.All(h => h.Irql.Allows(level)))];
    }

    /// <summary>A step of <paramref name="kind"/> with the defaults of the parameters it does not draw.</summary>
    private static GeneratedOperation Step(OperationKind kind) =>
        new(kind, 0, 1, Irql.DISPATCH_LEVEL, 0, [], InterruptMode.Last, true, 1);

    /// <summary>
    /// A whole case: a platform and 0 .. <see cref="ExplorationOptions.MaxOperations"/> steps, with
    /// <c>concurrently</c> blocks among them under <see cref="ExplorationOptions.Schedules"/>.
    /// </summary>
    /// <param name="options">Channel count, step bound and platform constraints.</param>
    /// <param name="capabilities">The provider's optional handlers.</param>
    public static Gen<ExplorationCase> Case(ExplorationOptions options, ProviderCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Gen.Select(PlatformWithin(options.Platforms), Operation(options.ChannelCount, capabilities, options.Schedules is not null).Array[0, options.MaxOperations],
            (platform, operations) => new ExplorationCase(platform, operations));
    }
}
