namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// <c>assert_no_violation</c>: no violation is pending (every violation so far was consumed by an
/// <c>assert_violation</c>).
/// </summary>
/// <param name="Location">Where the command's keyword is.</param>
public sealed record AssertNoViolationCommand(SourceLocation Location)
    : ScriptCommand(Location);
