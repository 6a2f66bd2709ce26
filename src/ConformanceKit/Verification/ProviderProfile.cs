using NetDma.ConformanceKit.Exploration;

namespace NetDma.ConformanceKit.Verification;

/// <summary>
/// What a NetDMA provider declares about itself before it is verified, in the manner of a TCK's capability flags:
/// a script or a rule the declaration excludes is skipped with the reason stated, never passed silently.
/// </summary>
public sealed record ProviderProfile
{
    /// <summary>The provider's NET_DMA_PROVIDER_ATTRIBUTES.DmaChannelCount: most channels allocated at once, 1..32 (ns-netdma-_net_dma_provider_attributes.md). Default 4.</summary>
    public int ChannelCount { get; init; } = ExplorationOptions.DefaultChannelCount;

    /// <summary>The device can be granted MSI-X messages (setting-the-netdma-interrupt-cpu-affinities.md). Default true.</summary>
    public bool MsiX { get; init; } = true;

    /// <summary>The device can run with one line-based interrupt (the DPC retargeted with KeSetTargetProcessorDpc). Default true.</summary>
    public bool LineBasedInterrupts { get; init; } = true;

    /// <summary>The provider serves NetDMA 1.x (NULL-terminated descriptor chains). Default true.</summary>
    public bool NetDma1x { get; init; } = true;

    /// <summary>The provider serves NetDMA 2.0 (counted descriptor chains; nc-netdma-dma_start_handler.md). Default true.</summary>
    public bool NetDma20 { get; init; } = true;

    /// <summary>The optional handlers the provider registers (SuspendDma/ResumeDma, AbortDma, ResetChannel). Default all.</summary>
    public ProviderCapabilities OptionalHandlers { get; init; } = ProviderCapabilities.All;

    /// <summary>The platforms this profile lets generated sequences run on.</summary>
    public PlatformConstraints Platforms => new(MsiX, LineBasedInterrupts, NetDma1x, NetDma20);
}
