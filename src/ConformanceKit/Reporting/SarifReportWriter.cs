using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Running;

namespace NetDma.ConformanceKit.Reporting;

/// <summary>
/// Writes a run as SARIF 2.1.0, the static-analysis interchange format code-scanning views read: one run whose tool
/// lists every catalog rule (ID, statement, level, source page), and one result per failed check, located at its
/// script line and column. Checks that concern no rule (a data assertion, a parse error, a script error) get the
/// pseudo-rule <see cref="ScriptFailureRuleId"/>. Written with System.Text.Json: the SARIF SDK package cannot be
/// restored from this project's feed (a transitive dependency is not served), and the format is a plain JSON schema.
/// </summary>
public static class SarifReportWriter
{
    /// <summary>The rule ID of failures that concern no catalog rule.</summary>
    public const string ScriptFailureRuleId = "NDMA0000";

    /// <summary>
    /// The SARIF document for <paramref name="report"/>, indented, LF line ends. Relaxed escaping keeps messages
    /// readable (<c>'</c>, <c>&gt;</c>): the document is a file for tools, never embedded in HTML.
    /// </summary>
    public static string ToJson(RunReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json);
            WriteResults(json, report);
            json.WriteStartObject("properties");
            json.WriteString("driverUnderTest", report.Driver);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the SARIF document of <paramref name="report"/> to <paramref name="path"/>, creating its folder.</summary>
    public static void Write(RunReport report, string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, ToJson(report));
    }

    private static void WriteTool(Utf8JsonWriter json)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "netdma-kit");
        json.WriteString("informationUri", "README.md");
        json.WriteStartArray("rules");
        WriteRule(json, ScriptFailureRuleId, "A script assertion, or the script itself, failed without concerning a catalog rule.", "error", null);
        foreach (var rule in RuleCatalog.All)
        {
            WriteRule(json, rule.Id, rule.Statement, Level(rule), rule.Page);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, string id, string statement, string level, string? page)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", statement);
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", level);
        json.WriteEndObject();
        if (page is not null)
        {
            json.WriteStartObject("properties");
            json.WriteString("sourcePage", page);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteResults(Utf8JsonWriter json, RunReport report)
    {
        json.WriteStartArray("results");
        foreach (var script in report.Scripts)
        {
            foreach (var failure in script.Failures)
            {
                var ruleId = failure.RuleIds.Count > 0 ? failure.RuleIds[0] : ScriptFailureRuleId;
                json.WriteStartObject();
                json.WriteString("ruleId", ruleId);
                json.WriteString("level", RuleCatalog.TryGet(ruleId, out var rule) ? Level(rule) : "error");
                json.WriteStartObject("message");
                json.WriteString("text", $"{failure.Step}: {failure.Message}");
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", failure.Location.File.Replace('\\', '/'));
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", failure.Location.Line);
                json.WriteNumber("startColumn", failure.Location.Column);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                if (failure.RuleIds.Count > 1)
                {
                    json.WriteStartObject("properties");
                    json.WriteStartArray("rules");
                    foreach (var id in failure.RuleIds)
                    {
                        json.WriteStringValue(id);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
    }

    private static string Level(Rule rule) => rule.Level == RuleLevel.MUST ? "error" : "warning";
}
