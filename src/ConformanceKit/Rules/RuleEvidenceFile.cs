using System.Text.Json;
using NetDma.ConformanceKit.Catalog;

namespace NetDma.ConformanceKit.Rules;

/// <summary>
/// Reads and writes <c>Rules/rule-evidence.json</c> (embedded in this assembly):
/// <c>{"rules":[{"id":"NDMA3004","analyzers":[],"runtimeChecks":["NetDmaHost.AllocateChannel"],"scripts":[...],"provenBy":[...]}]}</c>,
/// one entry per rule in ID order, every list sorted ordinally, indented with <c>\n</c> line ends, so the same evidence
/// always gives the same bytes.
/// </summary>
public static class RuleEvidenceFile
{
    private const string ResourceName = "NetDma.ConformanceKit.Rules.rule-evidence.json";
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The evidence of every rule, by rule ID (rules the file does not name have <see cref="RuleEvidence.None"/>).</summary>
    public static IReadOnlyDictionary<string, RuleEvidence> Embedded { get; } = LoadEmbedded();

    /// <summary>Parses the file's text.</summary>
    /// <exception cref="JsonException">The text is not evidence JSON.</exception>
    public static IReadOnlyDictionary<string, RuleEvidence> Parse(string json)
    {
        var file = JsonSerializer.Deserialize<FileShape>(json, Options) ?? throw new JsonException("rule-evidence.json is empty");
        return file.Rules.ToDictionary(
            entry => entry.Id,
            entry => new RuleEvidence(entry.Analyzers, entry.RuntimeChecks, entry.Scripts, entry.ProvenBy),
            StringComparer.Ordinal);
    }

    /// <summary>The file's text for <paramref name="evidence"/>: every rule of <see cref="RuleCatalog.All"/>, in ID order.</summary>
    public static string Format(IReadOnlyDictionary<string, RuleEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteStartArray("rules");
            foreach (var rule in RuleCatalog.All)
            {
                var entry = evidence.TryGetValue(rule.Id, out var found) ? found : RuleEvidence.None;
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteStringArray("analyzers", entry.Analyzers.Order(StringComparer.Ordinal));
                json.WriteStringArray("runtimeChecks", entry.RuntimeChecks.Order(StringComparer.Ordinal));
                json.WriteStringArray("scripts", entry.Scripts.Order(StringComparer.Ordinal));
                json.WriteStringArray("provenBy", entry.ProvenBy.Order(StringComparer.Ordinal));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static IReadOnlyDictionary<string, RuleEvidence> LoadEmbedded()
    {
        using var stream = typeof(RuleEvidenceFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the kit assembly has no {ResourceName} resource (a build problem)");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private sealed record FileShape(List<EntryShape> Rules);

    private sealed record EntryShape(string Id, List<string> Analyzers, List<string> RuntimeChecks, List<string> Scripts, List<string> ProvenBy);
}
