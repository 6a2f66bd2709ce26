namespace NetDma.ConformanceKit.Requirements;

/// <summary>What one conformance run says about one documented requirement (the TCK view of a run).</summary>
public enum RequirementRunOutcome
{
    /// <summary>Every run-time check of the requirement judged at least one observation and none found a violation.</summary>
    Verified,

    /// <summary>A check of the requirement found a violation (a failed check or a SHOULD warning names its rule).</summary>
    Violated,

    /// <summary>The run had the capability but never exercised a check of the requirement: a green run says nothing about it.</summary>
    NotExercised,

    /// <summary>The driver under test lacks what the requirement concerns (no WDM DMA driver ran, for a WDM requirement).</summary>
    NotVerifiable,

    /// <summary>No run-time check covers it: checked at compile time only, undecidable, or not covered yet (the reason says which).</summary>
    NoRunTimeCheck,

    /// <summary>A guarantee of the system (NetDMA, the I/O manager, the PnP manager), honoured by the simulated host or not modelled.</summary>
    SystemSide,
}
