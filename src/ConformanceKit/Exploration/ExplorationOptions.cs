using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>How <see cref="Explorer.Explore(Running.IScriptRunner, ExplorationOptions)"/> generates, runs and shrinks cases.</summary>
public sealed record ExplorationOptions
{
    /// <summary>Cases run when <see cref="Iterations"/> is not set.</summary>
    public const int DefaultIterations = 200;

    /// <summary>Channels the model keeps allocated at most when <see cref="ChannelCount"/> is not set: the reference provider's DmaChannelCount.</summary>
    public const int DefaultChannelCount = 4;

    /// <summary>The largest <see cref="ChannelCount"/> the explorer accepts.</summary>
    public const int MaxChannelCount = 32;

    /// <summary>The largest <see cref="Parallelism"/> the explorer accepts.</summary>
    public const int MaxParallelism = 1024;

    /// <summary>Cases to run in search of a failure, at least 1 (default <see cref="DefaultIterations"/>).</summary>
    public int Iterations { get; init; } = DefaultIterations;

    /// <summary>
    /// The CsCheck seed of the first case (12 to 17 characters, as printed by a failing run). With it the whole run is
    /// reproducible: case i is generated from the PCG stream of the seed plus i with the same seed value. Without it
    /// the explorer draws a random first seed and reports it in <see cref="ExplorationResult.FirstSeed"/>.
    /// </summary>
    public string? Seed { get; init; }

    /// <summary>
    /// Most channels NetDMA keeps allocated at once, 1..<see cref="MaxChannelCount"/> (default
    /// <see cref="DefaultChannelCount"/>): set it to the provider's NET_DMA_PROVIDER_ATTRIBUTES.DmaChannelCount, which
    /// NetDMA never exceeds (ns-netdma-_net_dma_provider_attributes.md).
    /// </summary>
    public int ChannelCount { get; init; } = DefaultChannelCount;

    /// <summary>Most generated steps per case, 0..200 (default 24); the setup and teardown come on top.</summary>
    public int MaxOperations { get; init; } = 24;

    /// <summary>
    /// Candidates CsCheck generates after a failure, 0..1 000 000 (default 2000). Only a candidate whose script has fewer
    /// commands than the current minimum, or as many and a smaller CsCheck Size, is run; the others cost only their
    /// generation and rendering.
    /// </summary>
    public int ShrinkIterations { get; init; } = 2000;

    /// <summary>How long one case may run before its driver is declared hung (NDMA2003).</summary>
    public TimeSpan Watchdog { get; init; } = ConformanceRun.DefaultWatchdog;

    /// <summary>Which platforms (MSI-X or line-based interrupts, NetDMA 1.1 or 2.0) cases run on; default any.</summary>
    public PlatformConstraints Platforms { get; init; } = PlatformConstraints.Any;

    /// <summary>The provider's optional handlers; null (the default) probes the provider for them.</summary>
    public ProviderCapabilities? Capabilities { get; init; }

    /// <summary>
    /// Cases run at once, each lane with its own runner (its own worker process under isolation), 1..<see cref="MaxParallelism"/> (default 1).
    /// The result does not depend on it: every case's seed comes from <see cref="Seed"/> and its index, results are
    /// taken in case order, the first failing case in that order wins and shrinking runs alone afterwards. More than
    /// 1 needs a runner per lane: <see cref="Explorer.Explore(Func{IScriptRunner}, ExplorationOptions)"/>.
    /// </summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>
    /// The slice of the <see cref="Iterations"/> cases this run takes (<c>--shard i/n</c>), or null for all of them;
    /// case indices and seeds are those of the unsharded run, so n shards together run exactly its cases.
    /// </summary>
    public ExplorationShard? Shard { get; init; }

    /// <summary>
    /// Schedule exploration of every case (<c>explore --schedules N</c>), or null (the default) for sequential mode.
    /// With it the generator also makes <c>concurrently</c> blocks (<see cref="OperationKind.Concurrently"/>), and each
    /// case, each shrinking candidate and the final replay run under the same schedules (same strategy and seed), so
    /// the search and the shrinking are deterministic; a failing case's <see cref="Running.ScriptResult.Schedules"/>
    /// holds the failing schedule's trace. The runners must run scripts under these schedules (an
    /// <see cref="InProcessScriptRunner"/> made with them: exploration runs the provider in this process);
    /// <see cref="Explorer.Explore(IDriverFactory, ExplorationOptions)"/> makes such runners itself. Without it the
    /// generator draws exactly what it always drew, so sequential results for a seed are unchanged.
    /// </summary>
    public Concurrency.ScheduleOptions? Schedules { get; init; }

    /// <summary>
    /// Called after each case runs (search and shrink), e.g. to print progress; null for none. Search cases are
    /// reported in case order whatever <see cref="Parallelism"/> is, one call at a time.
    /// </summary>
    public Action<ExplorationProgress>? Progress { get; init; }
}
