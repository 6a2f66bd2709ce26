using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Requirements;

/// <summary>
/// The TCK view of a conformance run: for every requirement of the catalog, whether this run verified it (each of its
/// run-time checks judged something and none found a violation), broke it, could not verify it (the capability it
/// concerns is absent, or nothing exercised its checks), or no run-time check covers it at all. It rests on the counts
/// of <see cref="Diagnostics.ViolationLog.Checked"/>, so "verified" means a check looked, not merely that it stayed
/// silent.
/// </summary>
public static class RequirementCoverage
{
    /// <summary>The verdict on every requirement of <paramref name="catalog"/> (default: the built-in one) in <paramref name="report"/>, in catalog order.</summary>
    public static IReadOnlyList<RequirementRunVerdict> Of(RunReport report, RequirementCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var evaluations = report.Evaluations;
        var broken = report.Scripts
            .SelectMany(s => s.Checks.Where(c => !c.Passed || c.Step == ScriptExecutionSteps.Warning).Select(c => (Script: s, Check: c)))
            .SelectMany(x => x.Check.RuleIds.Select(id => (Id: id, x.Check)))
            .GroupBy(x => x.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Check, StringComparer.Ordinal);
        var wdmRan = report.Scripts.Any(s => s.DriverKind == Scripting.DriverCommand.Wdm && s.Outcome != ScriptOutcome.Skipped);
        var skipped = report.Scripts.Where(s => s.Outcome == ScriptOutcome.Skipped && s.SkipReason is not null)
            .Select(s => $"{s.Name}: {s.SkipReason}").ToList();
        return [.. (catalog ?? RequirementCatalog.Default).All.Select(r => Judge(r, evaluations, broken, wdmRan, skipped))];
    }

    /// <summary>How many verdicts have each outcome (every outcome listed, zero included).</summary>
    public static IReadOnlyDictionary<RequirementRunOutcome, int> Count(IEnumerable<RequirementRunVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var counts = Enum.GetValues<RequirementRunOutcome>().ToDictionary(o => o, _ => 0);
        foreach (var verdict in verdicts)
        {
            counts[verdict.Outcome]++;
        }

        return counts;
    }

    private static RequirementRunVerdict Judge(Requirement requirement, IReadOnlyDictionary<string, int> evaluations,
        Dictionary<string, Running.CheckResult> broken, bool wdmRan, List<string> skipped)
    {
        if (requirement.Binds == RequirementBinding.System)
        {
            var how = requirement.Status == RequirementStatus.NotModelled ? "not modelled" : "honoured by the simulated host";
            return new(requirement, RequirementRunOutcome.SystemSide, $"{how}: {requirement.Reason}", 0);
        }

        var rules = requirement.Rules.Select(RuleCatalog.Get).ToList();
        var runTime = rules.Where(r => r.Enforcement.HasFlag(RuleEnforcement.RunTime)).ToList();
        if (runTime.Count == 0)
        {
            var reason = requirement.Status switch
            {
                RequirementStatus.Undecidable => $"undecidable: {requirement.Reason}",
                _ when rules.Count > 0 => $"checked at compile time by {string.Join(", ", rules.Select(r => r.Id))} (the NDMA analyzers), not at run time",
                _ => "no check covers it yet",
            };
            return new(requirement, RequirementRunOutcome.NoRunTimeCheck, reason, 0);
        }

        var judged = runTime.Sum(r => evaluations.GetValueOrDefault(r.Id));
        if (runTime.FirstOrDefault(r => broken.ContainsKey(r.Id)) is { } violated)
        {
            var check = broken[violated.Id];
            return new(requirement, RequirementRunOutcome.Violated, $"{violated.Id} broken at {check.Location}: {FirstLine(check.Message)}", judged);
        }

        var never = runTime.Where(r => evaluations.GetValueOrDefault(r.Id) == 0).Select(r => r.Id).ToList();
        if (never.Count == 0)
        {
            var counts = string.Join(", ", runTime.Select(r => $"{r.Id} judged {evaluations[r.Id]} time(s)"));
            return new(requirement, RequirementRunOutcome.Verified, counts, judged);
        }

        if (!wdmRan && never.All(id => AdapterRules.All.Any(r => r.Id == id)))
        {
            return new(requirement, RequirementRunOutcome.NotVerifiable,
                $"capability absent: {string.Join(", ", never)} concern(s) a WDM DMA driver (IWdmDmaDriver), and no WDM script ran", judged);
        }

        var why = skipped.Count == 0 ? "" : $"; {skipped.Count} script(s) were skipped ({string.Join("; ", skipped)})";
        return new(requirement, RequirementRunOutcome.NotExercised, $"{string.Join(", ", never)} never judged an observation in this run{why}", judged);
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
