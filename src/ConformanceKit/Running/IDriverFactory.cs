using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Running;

/// <summary>
/// Creates a fresh driver instance for each script (a script starts from a newly loaded driver, as after a reboot).
/// A factory may offer a NetDMA provider, a WDM DMA driver, or both; scripts for a kind it lacks are skipped.
/// </summary>
public interface IDriverFactory
{
    /// <summary>Display name of the driver under test, e.g. its type's full name.</summary>
    string Name { get; }

    /// <summary>A new NetDMA provider driver, or null when the factory has none.</summary>
    INetDmaProviderDriver? CreateNetDmaDriver();

    /// <summary>A new WDM DMA driver, or null when the factory has none.</summary>
    IWdmDmaDriver? CreateWdmDriver();
}
