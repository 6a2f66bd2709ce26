namespace NetDma.ConformanceKit.Running;

/// <summary>How a script ended.</summary>
public enum ScriptOutcome
{
    /// <summary>Every assertion held and no unexpected MUST violation was reported.</summary>
    Passed,

    /// <summary>An assertion failed, a MUST rule was broken unexpectedly, the provider crashed or hung, or the script itself is wrong.</summary>
    Failed,

    /// <summary>The provider lacks a capability the script needs (an optional handler, a driver kind); the reason is stated.</summary>
    Skipped,
}
