using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>How <see cref="Explorer.Explore(Running.IScriptRunner, ExplorationOptions)"/> generates, runs and shrinks cases.</summary>
public sealed record ExplorationOptions
{
    /// <summary>Cases run when <see cref="Iterations"/> is not set.</summary>
    public const int DefaultIterations = 200;

    /// <summary>Channels the model keeps allocated at most when <see cref="ChannelCount"/> is not set: the reference provider's DmaChannelCount.</summary>
    public const int DefaultChannelCount = 4;

    /// <summary>Cases to run in search of a failure, at least 1 (default <see cref="DefaultIterations"/>).</summary>
    public int Iterations { get; init; } = DefaultIterations;

    /// <summary>
    /// The CsCheck seed of the first case (12 to 17 characters, as printed by a failing run). With it the whole run is
    /// reproducible: case i is generated from the PCG stream of the seed plus i with the same seed value. Without it
    /// the explorer draws a random first seed and reports it in <see cref="ExplorationResult.FirstSeed"/>.
    /// </summary>
    public string? Seed { get; init; }

    /// <summary>
    /// Most channels NetDMA keeps allocated at once, 1..32 (default <see cref="DefaultChannelCount"/>): set it to the
    /// provider's NET_DMA_PROVIDER_ATTRIBUTES.DmaChannelCount, which NetDMA never exceeds
    /// (ns-netdma-_net_dma_provider_attributes.md).
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

    /// <summary>Called after each case runs (search and shrink), e.g. to print progress; null for none.</summary>
    public Action<ExplorationProgress>? Progress { get; init; }
}
