using NetDma.ConformanceKit.Rules;

namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>assert_violation NDMA3004 [NDMA1001 ...]</c>: for each listed rule, one pending violation of it is consumed
/// (ViolationLog.Consume); the assertion fails when a listed rule has none pending. Violations never consumed fail
/// the script at its end.
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
/// <param name="Rules">The rules, in script order, at least one; a rule listed twice consumes two violations.</param>
public sealed record AssertViolationCommand(SourceLocation Location, IReadOnlyList<Rule> Rules)
    : ScriptCommand(Location)
{
    /// <summary>Equal when the rule sequences are equal.</summary>
    /// <param name="other">The assertion to compare with.</param>
    public bool Equals(AssertViolationCommand? other) =>
        other is not null && base.Equals(other) && Rules.SequenceEqual(other.Rules);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Rules.Count);
}
