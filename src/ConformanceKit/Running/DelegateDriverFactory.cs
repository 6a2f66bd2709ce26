using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Running;

/// <summary>Creates drivers by calling the author's own factory methods (for drivers without a parameterless constructor).</summary>
/// <param name="name">Display name of the driver under test.</param>
/// <param name="netDmaDriver">Creates a new NetDMA provider driver, or null when there is none.</param>
/// <param name="wdmDriver">Creates a new WDM DMA driver, or null when there is none.</param>
public sealed class DelegateDriverFactory(string name, Func<INetDmaProviderDriver>? netDmaDriver, Func<IWdmDmaDriver>? wdmDriver = null) : IDriverFactory
{
    /// <inheritdoc/>
    public string Name { get; } = name;

    /// <inheritdoc/>
    public INetDmaProviderDriver? CreateNetDmaDriver() => netDmaDriver?.Invoke();

    /// <inheritdoc/>
    public IWdmDmaDriver? CreateWdmDriver() => wdmDriver?.Invoke();
}
