namespace NetDma.ConformanceKit.Host;

/// <summary>
/// The script needs a NetDMA 2.0 feature (page-break descriptors) that NetDMA offers only to a provider registered
/// as NetDMA 2.0 or later (ns-netdma-_net_dma_descriptor.md). The runner skips the script and states the reason, as
/// a capability-driven skip.
/// </summary>
/// <param name="reason">Why the script cannot run against this provider.</param>
internal sealed class NetDmaVersionSkipException(string reason) : Exception(reason);
