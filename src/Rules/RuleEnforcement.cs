// Shared rule source: compiled into NetDma.ConformanceKit (public, namespace NetDma.ConformanceKit.Rules) and into
// NetDma.Analyzers (internal, namespace NetDma.Analyzers), see src/Rules/README.md.
#if NETDMA_ANALYZERS
namespace NetDma.Analyzers;
#else
namespace NetDma.ConformanceKit.Rules;
#endif

/// <summary>Where a rule is enforced: by the conformance kit at run time, by the analyzers at compile time, or both.</summary>
[System.Flags]
#if NETDMA_ANALYZERS
internal
#else
public
#endif
enum RuleEnforcement
{
    /// <summary>Checked by the simulated kernel and NetDMA host while a provider runs.</summary>
    RunTime = 1,

    /// <summary>Reported by the NetDma.Analyzers diagnostics while the provider's code compiles.</summary>
    CompileTime = 2,
}
