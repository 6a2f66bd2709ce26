namespace NetDma.ConformanceKit.Host;

/// <summary>Where a registered provider is in its lifecycle (nf-netdma-netdmaproviderstart.md, nf-netdma-netdmaproviderstop.md).</summary>
public enum ProviderState
{
    /// <summary>NetDmaRegisterProvider succeeded; not started yet.</summary>
    Registered,

    /// <summary>NetDmaProviderStart was called; channels may be allocated.</summary>
    Started,

    /// <summary>NetDmaProviderStop was called; every channel was freed.</summary>
    Stopped,

    /// <summary>NetDmaDeregisterProvider was called; the handle is dead.</summary>
    Deregistered,
}
