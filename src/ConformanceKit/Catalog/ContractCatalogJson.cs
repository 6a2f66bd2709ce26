using System.Text;
using System.Text.Json;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Catalog;

/// <summary>
/// Writes a <see cref="ContractCatalog"/> as JSON for <c>netdma-kit contracts --format json</c>: indented, with
/// <c>\n</c> line ends, in a fixed key order, so the same contracts always give the same bytes.
/// </summary>
/// <remarks>
/// Shape:
/// <code>
/// {"ddis":[{"name":"DMA_CHANNEL_ALLOCATE_HANDLER","role":"ProviderAllocateDmaChannel","kind":"callback",
///   "header":"netdma.h","irql":{"max":"DISPATCH_LEVEL","min":null,"exact":false},
///   "statuses":["STATUS_SUCCESS","STATUS_INSUFFICIENT_RESOURCES","STATUS_UNSUCCESSFUL"],
///   "parameters":[{"name":"ProviderContext","direction":"in"}, ...],
///   "source":"nc-netdma-dma_channel_allocate_handler.md","type":"NetDma.Contracts.NetDma.DmaChannelAllocateHandler"}],
///  "structs":[{"name":"NET_DMA_CHANNEL_PARAMETERS","fields":["Revision", ...],"type":"..."}],
///  "enums":[{"name":"IO_ALLOCATION_ACTION","members":["KeepObject", ...]}]}
/// </code>
/// <c>kind</c> is <c>callback</c> or <c>function</c>. IRQL levels are DDI spellings (<see cref="IrqlNames.ToDdiName"/>):
/// "any level" is max and min null with exact false; an exact level (<c>_IRQL_requires_</c>) has min = max = that level
/// and exact true (DIRQL prints <c>DIRQL</c> for both). Statuses are <c>ntstatus.h</c> names in the contract's order
/// (page spellings such as <c>STATUS_RESOURCES</c> are already resolved, see <see cref="DocumentedStatusSpellings"/>).
/// A parameter has <c>pageSays</c> only when the page's tag differs from what it does; a DDI has
/// <c>alsoDocumentedIn</c> only when further pages document it. A structure's fields are its page's headings, nested
/// parts dotted (<c>DCAContext32.DCAContext</c>). For a method, <c>type</c> is the declaring interface's full name, a dot
/// and the method name.
/// </remarks>
public static class ContractCatalogJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n" };

    /// <summary>Writes the NetDma.Contracts catalog (<see cref="ContractCatalog.Default"/>) to <paramref name="output"/>, ending with a newline.</summary>
    public static void Write(TextWriter output) => Write(ContractCatalog.Default, output);

    /// <summary>Writes the NetDma.Contracts catalog as UTF-8 (no byte order mark) to <paramref name="output"/>, ending with a newline.</summary>
    public static void Write(Stream output) => Write(ContractCatalog.Default, output);

    /// <summary>Writes <paramref name="catalog"/> to <paramref name="output"/>, ending with a newline.</summary>
    public static void Write(ContractCatalog catalog, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(ToJson(catalog));
    }

    /// <summary>Writes <paramref name="catalog"/> as UTF-8 (no byte order mark) to <paramref name="output"/>, ending with a newline.</summary>
    public static void Write(ContractCatalog catalog, Stream output)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(output);
        using (var writer = new Utf8JsonWriter(output, Options))
        {
            WriteCatalog(writer, catalog);
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>The JSON text of <paramref name="catalog"/>, ending with a newline.</summary>
    public static string ToJson(ContractCatalog catalog)
    {
        using var buffer = new MemoryStream();
        Write(catalog, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteCatalog(Utf8JsonWriter writer, ContractCatalog catalog)
    {
        writer.WriteStartObject();

        writer.WriteStartArray("ddis");
        foreach (var ddi in catalog.Ddis)
        {
            WriteDdi(writer, ddi);
        }

        writer.WriteEndArray();

        writer.WriteStartArray("structs");
        foreach (var contract in catalog.Structs)
        {
            writer.WriteStartObject();
            writer.WriteString("name", contract.Name);
            writer.WriteStringArray("fields", contract.HeadingNames);
            writer.WriteString("type", contract.Type.FullName);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("enums");
        foreach (var contract in catalog.Enums)
        {
            writer.WriteStartObject();
            writer.WriteString("name", contract.Name);
            writer.WriteStringArray("members", contract.Members);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteEndObject();
    }

    private static void WriteDdi(Utf8JsonWriter writer, DdiContract ddi)
    {
        writer.WriteStartObject();
        writer.WriteString("name", ddi.Name);
        writer.WriteString("role", ddi.Role);
        writer.WriteString("kind", ddi.Kind switch
        {
            DdiKind.Callback => "callback",
            DdiKind.Function => "function",
            _ => throw new InvalidOperationException($"{ddi.Name}: unknown DDI kind {ddi.Kind}."),
        });
        writer.WriteString("header", ddi.Header);

        writer.WriteStartObject("irql");

        // An exact DIRQL requirement spans DIRQL..DIRQL_MAX; both ends print as DIRQL, so max is the exact level.
        WriteLevel(writer, "max", ddi.Irql.Exact ? ddi.Irql.Min : ddi.Irql.Max);
        WriteLevel(writer, "min", ddi.Irql.Min);
        writer.WriteBoolean("exact", ddi.Irql.Exact);
        writer.WriteEndObject();

        writer.WriteStringArray("statuses", ddi.Statuses.Select(NtStatusFacts.Name));

        writer.WriteStartArray("parameters");
        foreach (var parameter in ddi.Parameters)
        {
            writer.WriteStartObject();
            writer.WriteString("name", parameter.Name);
            writer.WriteString("direction", DdiParameterContract.Spell(parameter.Direction));
            if (parameter.PageSays is { } pageSays)
            {
                writer.WriteString("pageSays", DdiParameterContract.Spell(pageSays));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteString("source", ddi.Page);
        if (ddi.AlsoDocumentedIn.Count > 0)
        {
            writer.WriteStringArray("alsoDocumentedIn", ddi.AlsoDocumentedIn);
        }

        writer.WriteString("type", ddi.MemberFullName);
        writer.WriteEndObject();
    }

    private static void WriteLevel(Utf8JsonWriter writer, string name, Irql? level)
    {
        if (level is { } value)
        {
            writer.WriteString(name, value.ToDdiName());
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
