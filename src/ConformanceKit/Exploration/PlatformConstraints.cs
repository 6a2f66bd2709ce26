namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// Which simulated platforms generated cases may run on: a provider for a device without MSI-X never gets MSI-X
/// resources (setting-the-netdma-interrupt-cpu-affinities.md), and a provider may serve only one NetDMA interface
/// version (NULL-terminated 1.x chains or counted 2.0 chains; nc-netdma-dma_start_handler.md).
/// </summary>
/// <param name="MsiX">Platforms that grant MSI-X messages may be generated.</param>
/// <param name="LineBased">Platforms with one line-based interrupt may be generated.</param>
/// <param name="NetDma1x">NetDMA 1.1 platforms may be generated.</param>
/// <param name="NetDma20">NetDMA 2.0 platforms may be generated.</param>
public sealed record PlatformConstraints(bool MsiX, bool LineBased, bool NetDma1x, bool NetDma20)
{
    /// <summary>Every platform: MSI-X on or off, NetDMA 1.1 or 2.0.</summary>
    public static PlatformConstraints Any { get; } = new(true, true, true, true);

    /// <summary>The platform a case draws, constrained: a coin drawn for a choice that is not open is overridden.</summary>
    /// <param name="processors">Processors drawn.</param>
    /// <param name="msix">The MSI-X coin drawn.</param>
    /// <param name="version2">The NetDMA 2.0 coin drawn.</param>
    /// <exception cref="ArgumentException">A choice has no allowed value (e.g. neither MSI-X nor line-based).</exception>
    public ExplorationPlatform Choose(int processors, bool msix, bool version2)
    {
        if (!(MsiX || LineBased) || !(NetDma1x || NetDma20))
        {
            throw new ArgumentException($"platform constraints {this} allow no platform: allow MSI-X or line-based interrupts, and NetDMA 1.x or 2.0");
        }

        msix = msix ? MsiX : !LineBased;
        version2 = version2 ? NetDma20 : !NetDma1x;
        return version2 ? new ExplorationPlatform(processors, msix, 2, 0) : new ExplorationPlatform(processors, msix, 1, 1);
    }
}
