using System.Text.Json.Nodes;
using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Reporting.Merging;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.BrokenProviders;
using NetDma.ConformanceKit.Tests.Reporting;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.Concurrency;

/// <summary>
/// A failure found under schedule exploration shows its call sequence as a per-CPU timeline in every report: the
/// console, the JSON report (a <c>timeline</c> array its schema admits, read back by the merge reader), SARIF's result
/// message and JUnit's failure text; a failure found one call at a time shows none, so sequential reports stay as
/// they were.
/// </summary>
public sealed class ConcurrentFailureTimelineTests
{
    private const string TimelineHeading = "per-CPU timeline (oldest first, one row per call):";

    // The missing lock between the append path and the completion DPC: an append from cpu1 while cpu0's DPC reports.
    private static readonly Lazy<ScriptResult> Race = new(() =>
    {
        var race = PlantedRace.Named("missing lock between append and DPC");
        return ScheduleExplorationTests.Explore(race.Script, new ScheduleOptions(1000, ScheduleStrategy.Random, race.Seed), race.Drivers);
    });

    private static readonly Lazy<RunReport> Sequential = new(() => ConformanceRun.Run(
        [.. BundledScripts.ConformanceFiles.Where(f => f.DisplayName.EndsWith("03-allocate-msix-affinity.ndma", StringComparison.Ordinal))],
        new TypeDriverFactory(typeof(CpuOutsideMaskProvider), null), TimeSpan.FromSeconds(20)));

    private static RunReport RaceReport => new("race", [Race.Value]);

    [Fact]
    public void The_planted_race_s_violation_carries_a_timeline_of_at_least_two_processors()
    {
        var violation = RaceViolation();

        Assert.NotNull(violation.Timeline);
        Assert.Equal(violation.CallSequence.Count, violation.Timeline.Count);
        var processors = ProcessorTimeline.Columns(violation.Timeline).Where(c => c.StartsWith("cpu", StringComparison.Ordinal)).ToList();
        Assert.True(processors.Count >= 2, $"seed {PlantedRace.Named("missing lock between append and DPC").Seed}: columns {string.Join(", ", processors)}\n{violation.Details}");
    }

    [Fact]
    public void The_console_report_of_the_planted_race_shows_the_timeline_with_a_column_per_processor()
    {
        var console = ReportSnapshotTests.Render(RaceReport);

        var heading = console.IndexOf(TimelineHeading, StringComparison.Ordinal);
        Assert.True(heading >= 0, console);
        var header = console[(heading + TimelineHeading.Length)..].TrimStart('\n').Split('\n')[0];
        Assert.Contains("| cpu0", header, StringComparison.Ordinal);
        Assert.Contains("| cpu1", header, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", console, StringComparison.Ordinal);
    }

    [Fact]
    public void The_JSON_report_of_the_planted_race_has_a_timeline_its_schema_admits_and_the_merge_reader_reads_back()
    {
        var json = JsonReportWriter.ToJson(RaceReport);
        var errors = ReportSchemas.JsonReportErrors(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var violation = JsonNode.Parse(json)!["scripts"]![0]!["violations"]!.AsArray().Single(v => v!["ruleId"]!.GetValue<string>() == RaceViolation().Rule.Id)!;
        var columns = violation["timeline"]!.AsArray().Select(e => e!["column"]!.GetValue<string>()).Distinct().Where(c => c.StartsWith("cpu", StringComparison.Ordinal));
        Assert.True(columns.Count() >= 2, violation.ToJsonString());

        var read = Assert.Single(JsonReportReader.Parse(json, "race.json").Scripts).Violations.Single(v => v.Rule.Id == RaceViolation().Rule.Id);
        Assert.Equal(RaceViolation().Timeline, read.Timeline);
    }

    [Fact]
    public void The_planted_race_s_timeline_shows_a_spin_lock_held_on_the_rows_after_its_acquire_and_not_after_its_release()
    {
        var violation = RaceViolation();
        var timeline = violation.Timeline!;

        // An acquire whose release follows on the same processor within the tail.
        var pair = Enumerable.Range(0, timeline.Count)
            .Where(i => timeline[i].Text.StartsWith("driver -> KeAcquireSpinLock(", StringComparison.Ordinal))
            .Select(i => (Acquire: i, Lock: LockOf(timeline[i].Text), Column: timeline[i].Column))
            .Select(a => (a.Acquire, a.Lock, a.Column, Release: Enumerable.Range(a.Acquire + 1, timeline.Count - a.Acquire - 1)
                .FirstOrDefault(j => timeline[j].Column == a.Column && timeline[j].Text.StartsWith($"driver -> KeReleaseSpinLock({a.Lock}", StringComparison.Ordinal), -1)))
            .FirstOrDefault(p => p.Release > 0 && NextOn(timeline, p.Column, p.Release) > 0);
        Assert.True(pair.Release > 0, "no acquire and release of one lock on one processor in the tail:\n" + violation.Details);

        Assert.DoesNotContain(pair.Lock, timeline[pair.Acquire].Held); // the acquire's own row: not yet held
        for (var row = pair.Acquire + 1; row <= pair.Release; row++)
        {
            if (timeline[row].Column == pair.Column)
            {
                Assert.Contains(pair.Lock, timeline[row].Held);
            }
            else if (timeline[row].Column != pair.Column && timeline[row].Column.StartsWith("cpu", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(pair.Lock, timeline[row].Held); // another processor's row shows its own locks only
            }
        }

        var after = NextOn(timeline, pair.Column, pair.Release);
        Assert.DoesNotContain(pair.Lock, timeline[after].Held);

        // The console cell shows it by number after the IRQL, and the legend says what the mark means.
        var rendered = ProcessorTimeline.Render(timeline);
        Assert.Contains($"[{pair.Lock["spin lock ".Length..]}", rendered[pair.Release + 1], StringComparison.Ordinal);
        Assert.EndsWith(ProcessorTimeline.HeldLocksLegend, violation.Details, StringComparison.Ordinal);

        // The JSON entry of the release's row carries it as structured data.
        var json = JsonNode.Parse(JsonReportWriter.ToJson(RaceReport))!["scripts"]![0]!["violations"]!.AsArray()
            .Single(v => v!["ruleId"]!.GetValue<string>() == violation.Rule.Id && v["actual"]!.GetValue<string>() == violation.Actual)!;
        var entries = json["timeline"]!.AsArray();
        Assert.Contains(pair.Lock, entries[pair.Release]!["held"]!.AsArray().Select(h => h!.GetValue<string>()));
        Assert.DoesNotContain(pair.Lock, entries[pair.Acquire]!["held"]!.AsArray().Select(h => h!.GetValue<string>()));
    }

    // "spin lock #2" of "driver -> KeAcquireSpinLock(spin lock #2)".
    private static string LockOf(string text)
    {
        var start = text.IndexOf('(', StringComparison.Ordinal) + 1;
        var end = text.IndexOfAny([')', ','], start);
        return text[start..end];
    }

    private static int NextOn(IReadOnlyList<TimelineEntry> timeline, string column, int after) =>
        Enumerable.Range(after + 1, Math.Max(0, timeline.Count - after - 1)).FirstOrDefault(i => timeline[i].Column == column, -1);

    [Theory]
    [InlineData("column cpuX")]
    [InlineData("no text")]
    [InlineData("no held")]
    [InlineData("held not a lock")]
    public void A_JSON_report_whose_timeline_entry_is_broken_fails_the_schema(string breakage)
    {
        var report = JsonNode.Parse(JsonReportWriter.ToJson(RaceReport))!;
        var entry = report["scripts"]![0]!["violations"]!.AsArray().First(v => v!["timeline"] is not null)!["timeline"]![0]!.AsObject();
        switch (breakage)
        {
            case "column cpuX":
                entry["column"] = "cpuX";
                break;
            case "no text":
                entry.Remove("text");
                break;
            case "no held":
                entry.Remove("held");
                break;
            default:
                entry["held"] = new JsonArray("a .NET lock");
                break;
        }

        Assert.NotEmpty(ReportSchemas.JsonReportErrors(report.ToJsonString()));
    }

    [Fact]
    public void The_SARIF_message_and_the_JUnit_failure_of_the_planted_race_show_the_timeline()
    {
        var sarif = SarifReportWriter.ToJson(RaceReport);
        var errors = ReportSchemas.SarifErrors(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var messages = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray().Select(r => r!["message"]!["text"]!.GetValue<string>());
        Assert.Contains(messages, m => m.Contains(TimelineHeading, StringComparison.Ordinal));

        Assert.Contains(TimelineHeading, JUnitReportWriter.ToXml(RaceReport).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_found_one_call_at_a_time_shows_no_timeline_in_any_report()
    {
        var report = Sequential.Value;
        Assert.Contains(report.Scripts, s => s.Outcome == ScriptOutcome.Failed && s.Violations.Count > 0);

        Assert.All(report.Scripts.SelectMany(s => s.Violations), v => Assert.Null(v.Timeline));
        Assert.DoesNotContain(TimelineHeading, ReportSnapshotTests.Render(report), StringComparison.Ordinal);
        Assert.DoesNotContain("\"timeline\"", JsonReportWriter.ToJson(report), StringComparison.Ordinal);
        Assert.DoesNotContain(TimelineHeading, SarifReportWriter.ToJson(report), StringComparison.Ordinal);
        Assert.DoesNotContain(TimelineHeading, JUnitReportWriter.ToXml(report).ToString(), StringComparison.Ordinal);
    }

    private static Violation RaceViolation()
    {
        var race = PlantedRace.Named("missing lock between append and DPC");
        Assert.True(Race.Value.Outcome == ScriptOutcome.Failed, $"seed {race.Seed}: {ScheduleExplorationTests.Describe(Race.Value)}");
        return Race.Value.Violations.First(race.IsTheBug);
    }
}
