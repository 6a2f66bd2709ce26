namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// Which descriptors of a chain carry <c>NET_DMA_INTERRUPT_ON_COMPLETION</c> (ns-netdma-_net_dma_descriptor.md):
/// <c>interrupt=last|each|none</c>.
/// </summary>
public enum InterruptMode
{
    /// <summary><c>interrupt=last</c> (the default): only the chain's last descriptor.</summary>
    Last,

    /// <summary><c>interrupt=each</c>: every descriptor.</summary>
    Each,

    /// <summary><c>interrupt=none</c>: no descriptor (completion is seen by polling the completion status).</summary>
    None,
}
