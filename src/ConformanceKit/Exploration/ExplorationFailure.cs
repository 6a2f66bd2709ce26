using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// The smallest failing case the explorer found: its seed, its script and what went wrong when it ran.
/// </summary>
/// <param name="Seed">The CsCheck seed of the minimal case: <c>--seed</c> (or <see cref="Explorer.ScriptFor"/>) regenerates it.</param>
/// <param name="FirstFailingSeed">The seed of the case that failed first, before shrinking.</param>
/// <param name="Script">The minimal case's script text, ready to save as a <c>.ndma</c> file and replay with <c>netdma-kit run</c>.</param>
/// <param name="Result">The minimal case's result: the failed checks with their rule IDs and messages.</param>
/// <param name="Shrinks">How many times a smaller failing case replaced the previous minimum.</param>
/// <param name="Reproduced">
/// True when CsCheck's <c>Check.Sample</c>, given <paramref name="Seed"/>, regenerated the case and saw it fail again;
/// false means the provider did not fail the same script twice (its behaviour depends on more than the calls).
/// </param>
/// <param name="CsCheckReport">CsCheck's failure message for the replay (seed and shrunk sample), or null when it did not fail.</param>
public sealed record ExplorationFailure(
    string Seed, string FirstFailingSeed, string Script, ScriptResult Result, int Shrinks, bool Reproduced, string? CsCheckReport)
{
    /// <summary>
    /// Under schedule exploration (<see cref="ExplorationOptions.Schedules"/>), the minimal case's schedules: the
    /// failing schedule's number and Coyote trace, which <c>netdma-kit run --replay</c> replays on <see cref="Script"/>;
    /// null in sequential mode.
    /// </summary>
    public Concurrency.ScheduleReport? Schedules => Result.Schedules;

    /// <summary>The rule IDs of the failed checks, sorted (empty when only a data or status assertion failed).</summary>
    public IReadOnlyList<string> BrokenRules =>
        [.. Result.Failures.SelectMany(f => f.RuleIds).Distinct().Order(StringComparer.Ordinal)];
}
