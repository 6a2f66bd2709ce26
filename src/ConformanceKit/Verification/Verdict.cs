namespace NetDma.ConformanceKit.Verification;

/// <summary>The verdict on one verification item.</summary>
/// <param name="Name">What was verified: a rule ID (<c>NDMA3004</c>), a script (<c>conformance/05-copy-single-descriptor.ndma</c>) or <c>generated sequences</c>.</param>
/// <param name="Outcome">Passed, failed or skipped.</param>
/// <param name="Message">For a failure, what broke (rule, page, script line, call sequence); for a skip, the reason; for a pass, what it covered.</param>
public sealed record Verdict(string Name, VerdictOutcome Outcome, string Message);
