namespace NetDma.ConformanceKit.Host;

/// <summary>
/// The script needs an optional provider handler the provider does not implement (ProviderSuspendDma,
/// ProviderResumeDma, ProviderAbortDma, ProviderResetChannel may be NULL: ns-netdma-_net_dma_provider_characteristics.md),
/// or an optional driver entry point whose interface the driver class does not implement (IRP_MN_SET_POWER:
/// IDevicePowerDriver). The runner skips the script and states the reason, as a capability-driven skip.
/// </summary>
public sealed class CapabilityMissingException : Exception
{
    /// <summary>A missing optional handler.</summary>
    /// <param name="role">The missing handler's role name, e.g. ProviderSuspendDma.</param>
    public CapabilityMissingException(string role)
        : this(role, $"the provider does not implement the optional {role} handler (its entry point is NULL)")
    {
    }

    private CapabilityMissingException(string role, string message)
        : base(message)
    {
        Role = role;
    }

    /// <summary>The missing handler's role name, or the entry point's name.</summary>
    public string Role { get; }

    /// <summary>A missing optional entry point: the driver class does not implement <paramref name="interfaceName"/>.</summary>
    /// <param name="entryPoint">The entry point the script needs, e.g. <c>IRP_MN_SET_POWER</c>.</param>
    /// <param name="interfaceName">The optional interface that carries it, e.g. <c>IDevicePowerDriver</c>.</param>
    public static CapabilityMissingException ForInterface(string entryPoint, string interfaceName) =>
        new(entryPoint, $"the driver does not implement the optional {interfaceName}, so it has no {entryPoint} entry point");
}
