namespace NetDma.ConformanceKit.Rules;

/// <summary>Where a rule is enforced: by the conformance kit at run time, by the analyzers at compile time, or both.</summary>
[Flags]
public enum RuleEnforcement
{
    /// <summary>Checked by the simulated kernel and NetDMA host while a provider runs.</summary>
    RunTime = 1,

    /// <summary>Reported by the NetDma.Analyzers diagnostics while the provider's code compiles.</summary>
    CompileTime = 2,
}
