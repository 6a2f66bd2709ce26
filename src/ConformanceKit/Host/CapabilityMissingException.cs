namespace NetDma.ConformanceKit.Host;

/// <summary>
/// The script needs an optional provider handler the provider does not implement (ProviderSuspendDma,
/// ProviderResumeDma, ProviderAbortDma, ProviderResetChannel may be NULL: ns-netdma-_net_dma_provider_characteristics.md).
/// The runner skips the script and states the reason, as a capability-driven skip.
/// </summary>
/// <param name="role">The missing handler's role name, e.g. ProviderSuspendDma.</param>
public sealed class CapabilityMissingException(string role)
    : Exception($"the provider does not implement the optional {role} handler (its entry point is NULL)")
{
    /// <summary>The missing handler's role name.</summary>
    public string Role { get; } = role;
}
