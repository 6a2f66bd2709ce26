using System.Text.Json;
using NetDma.ConformanceKit.Catalog;

namespace NetDma.ConformanceKit.Requirements;

/// <summary>
/// Writes the requirement catalog as JSON for <c>netdma-kit requirements --format json</c>:
/// <c>{"summary":{"total":459,"proven":120,...},"requirements":[{"id":"ALLOCATE-3","page":"nc-netdma-dma_channel_allocate_handler.md",
/// "path":"ddi/netdma/nc-netdma-dma_channel_allocate_handler.md","quote":"...","text":"...","binds":"provider",
/// "rules":["NDMA3003"],"status":"proven","reason":null}]}</c>, in catalog order, indented with <c>\n</c> line ends.
/// <c>binds</c> is <c>provider</c> or <c>system</c>; <c>status</c> is <c>proven</c>, <c>enforced</c>, <c>host</c>,
/// <c>undecidable</c>, <c>notModelled</c> or <c>uncovered</c> (<see cref="RequirementStatus"/>).
/// </summary>
public static class RequirementCatalogJson
{
    /// <summary>Writes <paramref name="requirements"/> (default: the whole catalog) to <paramref name="output"/> as UTF-8, ending with a newline.</summary>
    public static void Write(Stream output, IReadOnlyList<Requirement>? requirements = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var rows = requirements ?? RequirementCatalog.Default.All;
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteStartObject("summary");
            json.WriteNumber("total", rows.Count);
            foreach (var status in Enum.GetValues<RequirementStatus>())
            {
                json.WriteNumber(Name(status), rows.Count(r => r.Status == status));
            }

            json.WriteEndObject();
            json.WriteStartArray("requirements");
            foreach (var row in rows)
            {
                WriteRequirement(json, row);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>Writes one requirement as a JSON object (the shape of one element of <c>requirements</c>).</summary>
    public static void WriteRequirement(Utf8JsonWriter json, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(requirement);
        json.WriteStartObject();
        json.WriteString("id", requirement.Id);
        json.WriteString("page", requirement.PageName);
        json.WriteString("path", requirement.Page);
        json.WriteString("quote", requirement.Quote);
        json.WriteString("text", requirement.Text);
        json.WriteString("binds", requirement.Binds == RequirementBinding.Provider ? "provider" : "system");
        json.WriteStringArray("rules", requirement.Rules);
        json.WriteString("status", Name(requirement.Status));
        json.WriteString("reason", requirement.Reason);
        json.WriteEndObject();
    }

    /// <summary>The JSON and CLI spelling of a status: <c>proven</c>, <c>notModelled</c> ...</summary>
    public static string Name(RequirementStatus status)
    {
        var name = status.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
