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

    private static readonly EvaluationOptions Explanation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

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

        var results = schema.Evaluate(document.RootElement, Explanation);

        var errors = (results.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation} ({detail.EvaluationPath}): {error.Key}: {error.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid, without error details"];
    }
}
