using System.Text.Json;

namespace NetDma.ConformanceKit.Catalog;

/// <summary>The one way the kit's catalog writers (contracts, rules, rule evidence, requirements) write a list of strings.</summary>
internal static class JsonStrings
{
    /// <summary>Writes <c>"name": [values...]</c> in the order given.</summary>
    public static void WriteStringArray(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
