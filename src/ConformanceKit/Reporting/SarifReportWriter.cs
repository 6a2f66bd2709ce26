using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Reporting;

/// <summary>
/// Writes a run as SARIF 2.1.0 (valid against the OASIS schema), the static-analysis interchange format code-scanning
/// views read: one run whose tool declares every catalog rule (statement, level, Microsoft Learn help page, source
/// page and repository page), one invocation (start and end in UTC, exit code), and one result per failed check,
/// located at its script line and column. A violation is located at the command during which it was observed; when
/// the check that found it is elsewhere (an <c>assert_no_violation</c> further down), that check is a related
/// location. Checks that concern no rule (a data assertion, a parse error, a script error) get the pseudo-rule
/// <see cref="ScriptFailureRuleId"/>. Script paths are URIs relative to <see cref="ScriptsUriBaseId"/>. Written with
/// System.Text.Json: the SARIF SDK package cannot be restored from this project's feed (a transitive dependency is not
/// served), and the format is a plain JSON schema.
/// </summary>
public static class SarifReportWriter
{
    /// <summary>The rule ID of failures that concern no catalog rule.</summary>
    public const string ScriptFailureRuleId = "NDMA0000";

    /// <summary>The <c>uriBaseId</c> of script locations: the folder the script names are relative to.</summary>
    public const string ScriptsUriBaseId = "SCRIPTS";

    /// <summary>
    /// The SARIF document for <paramref name="report"/>, indented, LF line ends. Relaxed escaping keeps messages
    /// readable (<c>'</c>, <c>&gt;</c>): the document is a file for tools, never embedded in HTML.
    /// </summary>
    public static string ToJson(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json);
            WriteInvocation(json, report);
            WriteOriginalUriBaseIds(json);
            json.WriteString("columnKind", "utf16CodeUnits");
            WriteResults(json, report);
            json.WriteStartObject("properties");
            json.WriteString("driverUnderTest", report.Driver);
            WriteFaults(json, report);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the SARIF document of <paramref name="report"/> to <paramref name="path"/> (UTF-8, no byte order mark), creating its folder.</summary>
    public static void Write(RunReport report, string path) => ReportFile.WriteText(path, ToJson(report));

    /// <summary>
    /// A script's display name as a relative URI reference: each '/'-separated segment percent-encoded, so a name with
    /// a space, '#', '%' or a non-ASCII letter is still a valid reference to the same file.
    /// </summary>
    internal static string ScriptUri(string file) =>
        string.Join('/', file.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static void WriteTool(Utf8JsonWriter json)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "netdma-kit");
        json.WriteString("informationUri", DocumentationLinks.Tool.AbsoluteUri);
        json.WriteStartArray("rules");
        WriteScriptFailureRule(json);
        foreach (var rule in RuleCatalog.All)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The pseudo-rule: no spec page and no help page, since it stands for the script's own assertions.</summary>
    private static void WriteScriptFailureRule(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("id", ScriptFailureRuleId);
        WriteText(json, "shortDescription", "A script assertion, or the script itself, failed without concerning a catalog rule.");
        WriteText(json, "fullDescription", "A data assertion (assert_status, assert_irp) did not hold, the script does not parse, or it asked for a call NetDMA never makes. The script language is described in docs/script-language.md.");
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", "error");
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("documentationPage", "docs/script-language.md");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, Rule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        WriteText(json, "shortDescription", rule.Statement);
        WriteText(json, "fullDescription", $"{rule.Statement} ({rule.Level} rule; source: {rule.Source}; enforced {Enforcement(rule)}.)");
        if (DocumentationLinks.ForRule(rule) is { } help)
        {
            json.WriteString("helpUri", help.AbsoluteUri); // A kit rule has no Microsoft page: helpUri is optional in SARIF 2.1.0.
        }

        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("sourcePage", rule.Page); // null for a kit rule with no corpus page
        json.WriteString("documentationPage", DocumentationLinks.RepositoryPage(rule));

        json.WriteString("requirementLevel", rule.Level.ToString());
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// The injected faults, when there were any (docs/faults.md): the run's spec and seed, and per script every fault
    /// injected, in the report form <c>pool at call 12 (file:line:column): ...</c>.
    /// </summary>
    private static void WriteFaults(Utf8JsonWriter json, RunReport report)
    {
        if (report.Faults is { } faults)
        {
            json.WriteString("faults", faults.ToString());
            json.WriteNumber("faultSeed", faults.Seed);
        }

        var injected = report.Scripts.Where(s => s.Faults.Count > 0).ToList();
        if (injected.Count == 0)
        {
            return;
        }

        json.WriteStartObject("faultsInjected");
        foreach (var script in injected)
        {
            json.WriteStartArray(script.File.Replace('\\', '/'));
            foreach (var fault in script.Faults)
            {
                json.WriteStringValue(fault.ToString());
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// The run's one invocation. <c>executionSuccessful</c> is true whenever a report is written: the kit ran every
    /// script to a verdict, and failed checks are results, not a failure of the tool (SARIF §3.20.14).
    /// </summary>
    private static void WriteInvocation(Utf8JsonWriter json, RunReport report)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteNumber("exitCode", report.Success ? 0 : 1);
        json.WriteString("startTimeUtc", ReportTimes.Utc(report.StartTime));
        json.WriteString("endTimeUtc", ReportTimes.Utc(report.EndTime));
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>
    /// <see cref="ScriptsUriBaseId"/> without a <c>uri</c>: the report does not know where the scripts folder was on
    /// the machine that ran it (and stays the same on every machine), so it only says what the base is.
    /// </summary>
    private static void WriteOriginalUriBaseIds(Utf8JsonWriter json)
    {
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(ScriptsUriBaseId);
        WriteText(json, "description", "The folder that holds the scripts folder given to 'netdma-kit run --scripts' (script names are relative to it), or the script's own folder when a single file was given.");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResults(Utf8JsonWriter json, RunReport report)
    {
        json.WriteStartArray("results");
        foreach (var script in report.Scripts)
        {
            foreach (var check in script.Failures)
            {
                WriteCheckResult(json, check);
            }
        }

        json.WriteEndArray();
    }

    private static void WriteCheckResult(Utf8JsonWriter json, CheckResult check)
    {
        var ruleId = check.RuleIds.Count > 0 ? check.RuleIds[0] : ScriptFailureRuleId;
        json.WriteStartObject();
        WriteRuleReference(json, ruleId);
        WriteText(json, "message", $"{check.Title}: {check.Message}");
        WriteLocations(json, check.Location);
        if (check.AssertedAt is { } assertedAt)
        {
            json.WriteStartArray("relatedLocations");
            json.WriteStartObject();
            json.WriteNumber("id", 1);
            WritePhysicalLocation(json, assertedAt);
            WriteText(json, "message", $"the check that found it: {check.Step}");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (check.RuleIds.Count > 1)
        {
            json.WriteStartObject("properties");
            json.WriteStartArray("rules");
            foreach (var id in check.RuleIds)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteRuleReference(Utf8JsonWriter json, string ruleId)
    {
        json.WriteString("ruleId", ruleId);
        if (RuleIndex(ruleId) is { } index)
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", RuleCatalog.TryGet(ruleId, out var rule) ? Level(rule) : "error");
    }

    private static void WriteLocations(Utf8JsonWriter json, SourceLocation location)
    {
        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, location);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, SourceLocation location)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ScriptUri(location.File));
        json.WriteString("uriBaseId", ScriptsUriBaseId);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", location.Line);
        json.WriteNumber("startColumn", location.Column);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string property, string text)
    {
        json.WriteStartObject(property);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    /// <summary>The rule's index in <c>tool.driver.rules</c> (the pseudo-rule first, then the catalog in order), or null for an ID declared nowhere.</summary>
    private static int? RuleIndex(string ruleId)
    {
        if (ruleId == ScriptFailureRuleId)
        {
            return 0;
        }

        for (var i = 0; i < RuleCatalog.All.Count; i++)
        {
            if (RuleCatalog.All[i].Id == ruleId)
            {
                return i + 1;
            }
        }

        return null;
    }

    private static string Enforcement(Rule rule) => rule.Enforcement switch
    {
        RuleEnforcement.RunTime => "at run time by the conformance kit",
        RuleEnforcement.CompileTime => "at compile time by the analyzers",
        _ => "at run time by the conformance kit and at compile time by the analyzers",
    };

    private static string Level(Rule rule) => rule.Level == RuleLevel.MUST ? "error" : "warning";
}
