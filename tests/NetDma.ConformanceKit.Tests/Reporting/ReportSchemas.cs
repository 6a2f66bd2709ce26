using System.Text.Json;
using Json.Schema;

namespace NetDma.ConformanceKit.Tests.Reporting;

/// <summary>
/// The JSON schemas the reports are validated against, copied beside the test assembly under <c>Schemas/</c>: the
/// vendored OASIS SARIF 2.1.0 schema (see Schemas/README.md) and the repository's
/// <c>docs/schemas/netdma-report.schema.json</c>. Format validation is required: without it JsonSchema.Net treats
/// <c>format</c> (uri, date-time) as an annotation only, and a relative <c>informationUri</c> would pass.
/// </summary>
internal static class ReportSchemas
{
    // The flag answer stops at the first error, which keeps the fuzz test fast; the list answer, asked for only once a
    // document failed, says why.
    private static readonly EvaluationOptions Verdict = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };

    private static readonly EvaluationOptions Explanation = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

    private static readonly Lazy<JsonSchema> Sarif = new(() => Load("sarif-schema-2.1.0.json"));

    private static readonly Lazy<JsonSchema> JsonReport = new(() => Load("netdma-report.schema.json"));

    /// <summary>Why <paramref name="json"/> is not valid SARIF 2.1.0: one line per error, empty when it is valid.</summary>
    public static IReadOnlyList<string> SarifErrors(string json) => Errors(Sarif.Value, json);

    /// <summary>Why <paramref name="json"/> is not a valid netdma-kit JSON report: one line per error, empty when it is valid.</summary>
    public static IReadOnlyList<string> JsonReportErrors(string json) => Errors(JsonReport.Value, json);

    private static JsonSchema Load(string file) => JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", file));

    private static List<string> Errors(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        if (schema.Evaluate(document.RootElement, Verdict).IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        Collect(schema.Evaluate(document.RootElement, Explanation), errors);
        return errors.Count > 0 ? errors : ["invalid, without error details"];
    }

    /// <summary>
    /// The errors of the failed nodes, descending only into failed nodes: a branch of an <c>anyOf</c> that passed as a
    /// whole has failing alternatives whose errors say nothing about the document.
    /// </summary>
    private static void Collect(EvaluationResults node, List<string> errors)
    {
        if (node.IsValid)
        {
            return;
        }

        errors.AddRange((node.Errors ?? new Dictionary<string, string>()).Select(error => $"{node.InstanceLocation} ({node.EvaluationPath}): {error.Key}: {error.Value}"));
        foreach (var child in node.Details ?? [])
        {
            Collect(child, errors);
        }
    }
}
