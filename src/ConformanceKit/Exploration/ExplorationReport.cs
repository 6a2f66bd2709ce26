using System.Globalization;
using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>
/// An exploration as a <see cref="RunReport"/>, so <c>explore --junit/--sarif/--json</c> write the same JUnit, SARIF
/// and JSON reports <c>run</c> does, and the reports of the shards of one run merge like any others
/// (<c>netdma-kit merge</c>).
/// </summary>
/// <remarks>
/// Memory stays flat in the number of cases: the explorer keeps no per-case result, so the cases that passed (or were
/// skipped) become one entry, <c>explore-&lt;first seed&gt;-cases-&lt;first&gt;-&lt;last&gt;</c> (1-based case numbers of
/// the unsharded run), carrying the summed per-rule evaluation counts that requirement coverage rests on; the minimal
/// failing case, when there is one, follows as its own entry, <c>explore-&lt;seed&gt;.ndma</c>, with its checks,
/// violations and call sequence. Shards' entries name disjoint case ranges, so the merged report lists the unsharded
/// run's cases once each.
/// </remarks>
public static class ExplorationReport
{
    /// <summary>The report of <paramref name="result"/>, run between <paramref name="start"/> and <paramref name="end"/>.</summary>
    /// <param name="result">The exploration.</param>
    /// <param name="start">When it started (UTC).</param>
    /// <param name="end">When it ended (UTC).</param>
    /// <param name="faults">The faults injected into every case (<c>--faults</c>), or null.</param>
    public static RunReport ToRunReport(ExplorationResult result, DateTimeOffset start, DateTimeOffset end, Faults.FaultSpec? faults = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var scripts = new List<ScriptResult>(2);
        var good = result.CasesPassed + result.CasesSkipped;
        if (good > 0)
        {
            scripts.Add(Summary(result, good, end - start));
        }

        if (result.Failure is { } failure)
        {
            scripts.Add(failure.Result);
        }

        return new RunReport(result.Driver, scripts)
        {
            StartTime = start,
            EndTime = end,
            Faults = faults,
            Exploration = new ExploredCases(result.FirstSeed, result.Iterations, result.Shard.Count, [result.Shard.Index]),
        };
    }

    /// <summary>The name of the entry for cases <paramref name="first"/> to <paramref name="last"/> (1-based) of <paramref name="firstSeed"/>'s run.</summary>
    public static string CasesName(string firstSeed, int first, int last) =>
        string.Create(CultureInfo.InvariantCulture, $"explore-{firstSeed}-cases-{first}-{last}");

    private static ScriptResult Summary(ExplorationResult result, int good, TimeSpan duration)
    {
        var first = result.FirstCase + 1;
        var name = CasesName(result.FirstSeed, first, result.FirstCase + good);
        var title = string.Create(CultureInfo.InvariantCulture,
            $"netdma-kit explore --seed {result.FirstSeed}: cases {first}-{result.FirstCase + good}, {result.CasesPassed} passed, {result.CasesSkipped} skipped");
        var outcome = result.CasesPassed > 0 ? ScriptOutcome.Passed : ScriptOutcome.Skipped;
        var skipReason = outcome == ScriptOutcome.Skipped ? "every case was skipped: the provider lacked a handler the probe had seen" : null;
        return new ScriptResult(name, name, title, outcome, [], [], skipReason)
        {
            Duration = duration,
            Evaluations = result.Evaluations,
        };
    }
}
