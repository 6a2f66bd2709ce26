using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Requirements;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Reporting;

/// <summary>
/// Writes a run as the kit's own JSON report (camelCase, described by <c>docs/schemas/netdma-report.schema.json</c>):
/// the driver, the run's start and end (UTC) and duration in seconds, the exit code, the script counts, and per script
/// its outcome, duration, every check (location, step, result, rule IDs, message) and every violation the run recorded,
/// expected or not (rule, level, statement, expected, actual, page, the command during which it was observed, call
/// sequence). Unlike JUnit and SARIF it keeps everything the kit knows, for tools that post-process a run, and it is
/// what <c>netdma-kit merge</c> reads back (<see cref="Merging.JsonReportReader"/>) to combine the reports of CI shards.
/// </summary>
public static class JsonReportWriter
{
    /// <summary>
    /// The version of the report's shape, written as <c>formatVersion</c>; raised when a field changes meaning or goes
    /// away. 2: a violation's <c>page</c> may be null (a kit rule with no corpus page); in 1 it was always a file name.
    /// </summary>
    public const int FormatVersion = 2;

    /// <summary>
    /// The JSON document for <paramref name="report"/>, indented, LF line ends. Relaxed escaping keeps messages
    /// readable (<c>'</c>, <c>&gt;</c>): the document is a file for tools, never embedded in HTML.
    /// </summary>
    public static string ToJson(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", KitVersion.ToolName);
            json.WriteString("version", KitVersion.Current);
            json.WriteEndObject();
            json.WriteString("driver", report.Driver);
            json.WriteString("startTime", ReportTimes.Utc(report.StartTime));
            json.WriteString("endTime", ReportTimes.Utc(report.EndTime));
            json.WriteNumber("durationSeconds", ReportTimes.Seconds(ReportTimes.RunDuration(report)));
            json.WriteNumber("exitCode", report.Success ? 0 : 1);
            json.WriteNumber("passed", report.Passed);
            json.WriteNumber("failed", report.Failed);
            json.WriteNumber("skipped", report.Skipped);
            if (report.Faults is { } faults)
            {
                json.WriteStartObject("faults");
                json.WriteString("spec", faults.ToString());
                json.WriteNumber("seed", faults.Seed);
                json.WriteEndObject();
            }
            if (report.Exploration is { } exploration)
            {
                json.WriteStartObject("exploration");
                json.WriteString("firstSeed", exploration.FirstSeed);
                json.WriteNumber("iterations", exploration.Iterations);
                json.WriteNumber("shardCount", exploration.ShardCount);
                json.WriteStartArray("shards");
                foreach (var shard in exploration.Shards)
                {
                    json.WriteNumberValue(shard);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            WriteRequirements(json, RequirementCoverage.Of(report));
            json.WriteStartArray("scripts");
            foreach (var script in report.Scripts)
            {
                WriteScript(json, script);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the JSON report of <paramref name="report"/> to <paramref name="path"/> (UTF-8, no byte order mark), creating its folder.</summary>
    public static void Write(RunReport report, string path) => ReportFile.WriteText(path, ToJson(report));

    private static void WriteScript(Utf8JsonWriter json, ScriptResult script)
    {
        json.WriteStartObject();
        json.WriteString("file", script.File.Replace('\\', '/'));
        json.WriteString("name", script.Name);
        json.WriteString("title", script.Title);
        json.WriteString("driverKind", script.DriverKind);
        json.WriteString("outcome", Outcome(script.Outcome));
        json.WriteNumber("durationSeconds", ReportTimes.Seconds(script.Duration));
        json.WriteString("skipReason", script.SkipReason);
        json.WriteStartArray("checks");
        foreach (var check in script.Checks)
        {
            WriteCheck(json, check);
        }

        json.WriteEndArray();
        json.WriteStartArray("violations");
        foreach (var violation in script.Violations)
        {
            WriteViolation(json, violation);
        }

        json.WriteEndArray();
        json.WriteStartObject("evaluations");
        foreach (var (rule, count) in script.Evaluations.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(rule, count);
        }

        json.WriteEndObject();
        if (script.Faults.Count > 0)
        {
            json.WriteStartArray("faults");
            foreach (var fault in script.Faults)
            {
                WriteFault(json, fault);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteRequirements(Utf8JsonWriter json, IReadOnlyList<RequirementRunVerdict> verdicts)
    {
        json.WriteStartObject("requirements");
        foreach (var (outcome, count) in RequirementCoverage.Count(verdicts))
        {
            json.WriteNumber(OutcomeName(outcome), count);
        }

        json.WriteStartArray("rows");
        foreach (var verdict in verdicts)
        {
            json.WriteStartObject();
            json.WriteString("id", verdict.Requirement.Id);
            json.WriteString("page", verdict.Requirement.Page);
            json.WriteString("outcome", OutcomeName(verdict.Outcome));
            WriteStrings(json, "rules", verdict.Requirement.Rules);
            json.WriteNumber("evaluations", verdict.Evaluations);
            json.WriteString("reason", verdict.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The JSON name of <paramref name="outcome"/> (camelCase, as the schema lists them).</summary>
    internal static string OutcomeName(RequirementRunOutcome outcome)
    {
        var name = outcome.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static void WriteCheck(Utf8JsonWriter json, CheckResult check)
    {
        json.WriteStartObject();
        WriteLocation(json, check.Location);
        json.WriteString("step", check.Step);
        json.WriteBoolean("passed", check.Passed);
        WriteStrings(json, "ruleIds", check.RuleIds);
        json.WriteString("message", check.Message);
        if (check.AssertedAt is { } assertedAt)
        {
            WriteLocation(json, assertedAt, "assertedAt");
        }

        json.WriteEndObject();
    }

    private static void WriteViolation(Utf8JsonWriter json, Violation violation)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", violation.Rule.Id);
        json.WriteString("level", violation.Rule.Level.ToString());
        json.WriteString("statement", violation.Rule.Statement);
        json.WriteString("expected", violation.Expected);
        json.WriteString("actual", violation.Actual);
        json.WriteString("page", violation.Page); // null: a kit rule with no corpus page, and the check named none
        if (violation.Location is { } location)
        {
            WriteLocation(json, location);
        }
        else
        {
            json.WriteNull("location");
        }

        WriteStrings(json, "callSequence", violation.CallSequence);
        if (violation.Timeline is { } timeline)
        {
            // Only under schedule exploration: a sequential report stays as it was.
            json.WriteStartArray("timeline");
            foreach (var entry in timeline)
            {
                json.WriteStartObject();
                json.WriteString("column", entry.Column);
                json.WriteString("irql", entry.Irql);
                json.WriteString("text", entry.Text);
                WriteStrings(json, "held", entry.Held);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteFault(Utf8JsonWriter json, Faults.InjectedFault fault)
    {
        json.WriteStartObject();
        json.WriteString("kind", Faults.FaultClause.NameOf(fault.Kind));
        json.WriteString("point", fault.Point);
        json.WriteString("effect", fault.Effect);
        json.WriteNumber("callIndex", fault.CallIndex);
        if (fault.Location is { } location)
        {
            WriteLocation(json, location);
        }
        else
        {
            json.WriteNull("location");
        }

        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, SourceLocation location, string property = "location")
    {
        json.WriteStartObject(property);
        json.WriteString("file", location.File.Replace('\\', '/'));
        json.WriteNumber("line", location.Line);
        json.WriteNumber("column", location.Column);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string property, IEnumerable<string> values)
    {
        json.WriteStartArray(property);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>The JSON name of a script's <paramref name="outcome"/>.</summary>
    internal static string Outcome(ScriptOutcome outcome) => outcome switch
    {
        ScriptOutcome.Passed => "passed",
        ScriptOutcome.Failed => "failed",
        _ => "skipped",
    };
}
