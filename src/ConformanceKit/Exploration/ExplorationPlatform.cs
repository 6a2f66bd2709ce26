namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// The simulated machine of one generated case, written as the script's <c>platform</c> line.
/// </summary>
/// <param name="Processors">Active processors, 1..8 (CPU numbers 0 .. Processors-1).</param>
/// <param name="MsiX">Whether the platform grants MSI-X messages (setting-the-netdma-interrupt-cpu-affinities.md).</param>
/// <param name="NetDmaMajor">NetDmaGetVersion major version: 1 (NULL-terminated chains) or 2 (counted chains; nc-netdma-dma_start_handler.md).</param>
/// <param name="NetDmaMinor">NetDmaGetVersion minor version: 1 with major 1 (NetDMA 1.1), 0 with major 2.</param>
public sealed record ExplorationPlatform(int Processors, bool MsiX, uint NetDmaMajor, uint NetDmaMinor)
{
    /// <summary>The ProcessorAffinityMask bits of the active processors: bit n for CPU n.</summary>
    public uint ActiveMask => Processors >= 32 ? uint.MaxValue : (1u << Processors) - 1;
}
