namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>driver netdma</c> | <c>driver wdm</c>: which kind of driver the script exercises. In the header, at most
/// once; without it the script exercises a NetDMA provider.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Kind"><see cref="NetDma"/> (a NetDMA provider, INetDmaProviderDriver) or <see cref="Wdm"/> (a WDM DMA driver, IWdmDmaDriver).</param>
public sealed record DriverCommand(SourceLocation Location, string Kind)
    : ScriptCommand(Location)
{
    /// <summary>The kind word for a NetDMA provider driver.</summary>
    public const string NetDma = "netdma";

    /// <summary>The kind word for a WDM bus-master DMA driver.</summary>
    public const string Wdm = "wdm";
}
