namespace NetDma.ConformanceKit.Requirements;

/// <summary>How far the kit verifies a documented requirement.</summary>
public enum RequirementStatus
{
    /// <summary>Checked by rules each of which a test shows firing (a broken provider, a self-test script, an analyzer test).</summary>
    Proven,

    /// <summary>Checked by rules of which at least one no test shows firing yet.</summary>
    Enforced,

    /// <summary>A system guarantee the simulated kernel and NetDMA host honour.</summary>
    Host,

    /// <summary>A driver-binding requirement no run or compile-time analysis can decide; the catalog says why.</summary>
    Undecidable,

    /// <summary>A system guarantee the simulation does not model; the catalog says what is missing.</summary>
    NotModelled,

    /// <summary>A driver-binding requirement no check covers yet.</summary>
    Uncovered,
}
