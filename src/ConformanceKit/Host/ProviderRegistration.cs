using NetDma.Contracts.NetDma;

namespace NetDma.ConformanceKit.Host;

/// <summary>A provider as NetDMA registered it: its handle, context, characteristics, attributes and state.</summary>
public sealed class ProviderRegistration
{
    internal ProviderRegistration(NetDmaProviderHandle handle, object context, NetDmaProviderCharacteristics characteristics)
    {
        Handle = handle;
        Context = context;
        Characteristics = characteristics;
    }

    /// <summary>The handle NetDmaRegisterProvider returned.</summary>
    public NetDmaProviderHandle Handle { get; }

    /// <summary>The ProviderContext passed to NetDmaRegisterProvider.</summary>
    public object Context { get; }

    /// <summary>The characteristics passed to NetDmaRegisterProvider.</summary>
    public NetDmaProviderCharacteristics Characteristics { get; }

    /// <summary>The attributes of the last NetDmaProviderStart, or null before the first.</summary>
    public NetDmaProviderAttributes? Attributes { get; internal set; }

    /// <summary>Lifecycle state.</summary>
    public ProviderState State { get; internal set; } = ProviderState.Registered;

    /// <summary>The CPU affinity array passed to ProviderSetDmaChannelCpuAffinity, when MSI-X made NetDMA call it.</summary>
    public IReadOnlyList<NetDmaChannelCpuAffinity>? CpuAffinities { get; internal set; }
}
