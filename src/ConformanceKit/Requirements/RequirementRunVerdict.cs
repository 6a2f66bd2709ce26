namespace NetDma.ConformanceKit.Requirements;

/// <summary>One requirement of the catalog as one run left it.</summary>
/// <param name="Requirement">The requirement.</param>
/// <param name="Outcome">What the run says about it.</param>
/// <param name="Reason">Why, in one line: the rules and how often they were judged, the violation, or what is missing.</param>
/// <param name="Evaluations">How many observations its run-time checks judged in the run (0 when none did).</param>
public sealed record RequirementRunVerdict(Requirement Requirement, RequirementRunOutcome Outcome, string Reason, int Evaluations);
