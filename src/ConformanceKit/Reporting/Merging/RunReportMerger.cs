using NetDma.ConformanceKit.Exploration;
using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Reporting.Merging;

/// <summary>
/// Combines the reports of the parts of one run (<c>explore --shard i/n</c> jobs, or <c>run</c> jobs each given part
/// of the scripts) into the report of the whole: what <c>netdma-kit merge</c> writes as JUnit, SARIF and JSON.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Order, independent of the order the files are given in: the scripts of <c>run</c> reports first, sorted by
/// file name (ordinal, as <see cref="ConformanceRun"/> orders a folder), then each exploration shard's entries in shard
/// order (a shard's own entries keep their order: its passed case range, then its minimal failing case).</item>
/// <item>Verdicts are not added up: the merged report holds every script result, and the writers derive the counts,
/// the exit code (1 when any part failed: the worst) and the requirement verdicts from them again.</item>
/// <item>Times: the earliest start and the latest end.</item>
/// <item>Refused (<see cref="ReportMergeException"/>): reports of different drivers or fault specs; exploration shards
/// of different runs (first seed, iterations or shard count differ, which would make their case ranges meaningless
/// together) or the same shard twice; one script in two reports.</item>
/// </list>
/// </remarks>
public static class RunReportMerger
{
    /// <summary>The report of the whole run <paramref name="parts"/> are parts of.</summary>
    /// <param name="parts">The reports, at least one, each with the file it came from.</param>
    /// <exception cref="ArgumentException"><paramref name="parts"/> is empty.</exception>
    /// <exception cref="ReportMergeException">The reports are not parts of one run (see remarks).</exception>
    public static RunReport Merge(IReadOnlyList<NamedReport> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("at least one report is needed", nameof(parts));
        }

        var first = parts[0];
        foreach (var part in parts.Skip(1))
        {
            if (part.Report.Driver != first.Report.Driver)
            {
                throw new ReportMergeException(
                    $"{part.Source} tests '{part.Report.Driver}' but {first.Source} tests '{first.Report.Driver}': merge the reports of one driver");
            }

            if (!Equals(part.Report.Faults, first.Report.Faults))
            {
                throw new ReportMergeException(
                    $"{part.Source} injects faults '{Spec(part.Report)}' but {first.Source} injects '{Spec(first.Report)}': merge the reports of one run");
            }
        }

        var exploration = MergeExplorations(parts);
        var runs = parts.Where(p => p.Report.Exploration is null)
            .SelectMany(p => p.Report.Scripts.Select(s => (p.Source, Script: s)))
            .OrderBy(x => x.Script.File, StringComparer.Ordinal);
        var shards = parts.Where(p => p.Report.Exploration is not null)
            .OrderBy(p => p.Report.Exploration!.Shards[0])
            .SelectMany(p => p.Report.Scripts.Select(s => (p.Source, Script: s)));
        var scripts = new List<ScriptResult>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, script) in runs.Concat(shards))
        {
            if (!seen.TryAdd(script.File, source))
            {
                throw new ReportMergeException(
                    $"{source} and {seen[script.File]} both hold '{script.File}': merge reports of disjoint parts of one run");
            }

            scripts.Add(script);
        }

        return new RunReport(first.Report.Driver, scripts)
        {
            StartTime = parts.Min(p => p.Report.StartTime),
            EndTime = parts.Max(p => p.Report.EndTime),
            Faults = first.Report.Faults,
            Exploration = exploration,
        };
    }

    private static string Spec(RunReport report) => report.Faults?.ToString() ?? "none";

    /// <summary>The shards of one exploration, united; null when no part is an exploration.</summary>
    private static ExploredCases? MergeExplorations(IReadOnlyList<NamedReport> parts)
    {
        ExploredCases? merged = null;
        string? firstSource = null;
        var owner = new Dictionary<int, string>();
        foreach (var part in parts)
        {
            if (part.Report.Exploration is not { } cases)
            {
                continue;
            }

            if (merged is null)
            {
                merged = cases;
                firstSource = part.Source;
            }
            else if (!merged.SameRun(cases))
            {
                throw new ReportMergeException(
                    $"{part.Source} explores {Run(cases)} but {firstSource} explores {Run(merged)}: merge the shards of one run (same --seed, --iterations and n of --shard i/n)");
            }

            foreach (var shard in cases.Shards)
            {
                if (!owner.TryAdd(shard, part.Source))
                {
                    throw new ReportMergeException(
                        $"{part.Source} and {owner[shard]} both hold shard {shard}/{cases.ShardCount}: merge each shard once");
                }
            }
        }

        return merged is null ? null : merged with { Shards = [.. owner.Keys.Order()] };
    }

    private static string Run(ExploredCases cases) => $"--seed {cases.FirstSeed} --iterations {cases.Iterations} in {cases.ShardCount} shard(s)";
}
