namespace NetDma.ConformanceKit.Rules;

/// <summary>How binding a rule is, in RFC 2119 terms.</summary>
public enum RuleLevel
{
    /// <summary>The page states a requirement; breaking it is a conformance failure.</summary>
    MUST,

    /// <summary>The page recommends it; breaking it is reported as a warning and does not fail a run.</summary>
    SHOULD,
}
