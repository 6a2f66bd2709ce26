namespace NetDma.ConformanceKit.Verification;

/// <summary>How one verification item (a rule, a script, the generated sequences) ended.</summary>
public enum VerdictOutcome
{
    /// <summary>It ran and nothing it checks was broken.</summary>
    Passed,

    /// <summary>Something it checks was broken; the message says what, where and on which call sequence.</summary>
    Failed,

    /// <summary>It does not apply to this provider; the message says why (a declared capability, a driver kind, compile time only).</summary>
    Skipped,
}
