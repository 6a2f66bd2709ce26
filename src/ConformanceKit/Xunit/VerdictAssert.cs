using NetDma.ConformanceKit.Verification;
using Xunit;
using Xunit.Sdk;

namespace NetDma.ConformanceKit.XUnit;

/// <summary>Turns a <see cref="Verdict"/> into an xunit outcome: nothing for a pass, a skip with its reason, a failure with its message.</summary>
public static class VerdictAssert
{
    /// <summary>Returns when <paramref name="verdict"/> passed; otherwise skips (Xunit.SkippableFact) or fails the running test.</summary>
    /// <exception cref="global::Xunit.SkipException">The verdict is a skip (the test must be a [SkippableFact] or [SkippableTheory]).</exception>
    /// <exception cref="XunitException">The verdict is a failure; the message is the verdict's.</exception>
    public static void Holds(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        switch (verdict.Outcome)
        {
            case VerdictOutcome.Passed:
                return;
            case VerdictOutcome.Skipped:
                Skip.If(true, $"{verdict.Name}: {verdict.Message}");
                return;
            default:
                throw new XunitException($"{verdict.Name} failed:{Environment.NewLine}{verdict.Message}");
        }
    }
}
