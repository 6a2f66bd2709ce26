// Shared rule source: compiled into NetDma.ConformanceKit (public, namespace NetDma.ConformanceKit.Rules) and into
// NetDma.Analyzers (internal, namespace NetDma.Analyzers), see src/Rules/README.md.
#if NETDMA_ANALYZERS
namespace NetDma.Analyzers;
#else
namespace NetDma.ConformanceKit.Rules;
#endif

/// <summary>How binding a rule is, in RFC 2119 terms.</summary>
#if NETDMA_ANALYZERS
internal
#else
public
#endif
enum RuleLevel
{
    /// <summary>The page states a requirement; breaking it is a conformance failure.</summary>
    MUST,

    /// <summary>The page recommends it; breaking it is reported as a warning and does not fail a run.</summary>
    SHOULD,
}
