namespace NetDma.ConformanceKit.Requirements;

/// <summary>Whom a documented requirement binds.</summary>
public enum RequirementBinding
{
    /// <summary>The driver under test: the NetDMA provider, or the WDM driver using the DMA adapter.</summary>
    Provider,

    /// <summary>The system: NetDMA, the I/O manager, the PnP manager or the DMA adapter (the simulated host plays it).</summary>
    System,
}
