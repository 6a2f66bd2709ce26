using System.Text.Json;
using NetDma.ConformanceKit.Catalog;

namespace NetDma.ConformanceKit.Rules;

/// <summary>
/// Writes the rule catalog as JSON for <c>netdma-kit rules --format json</c>:
/// <c>{"rules":[{"id":"NDMA3004","level":"MUST","statement":"...","page":"ns-netdma-_net_dma_channel_parameters.md",
/// "enforcement":["runTime"],"analyzers":[],"runtimeChecks":["NetDmaHost.CheckAllocatedChannel"],
/// "scripts":["selftest/ndma3004-cpu-outside-mask"],"provenBy":["BrokenProviderTests.Cases"],"requirements":["CHANNEL-PARAMETERS-7"]}]}</c>,
/// rules in ID order, indented with <c>\n</c> line ends, so the same catalog always gives the same bytes.
/// <c>requirements</c> are the IDs of the requirement catalog's rows the rule checks.
/// </summary>
public static class RuleCatalogJson
{
    /// <summary>Writes every rule to <paramref name="output"/> as UTF-8 without a byte order mark, ending with a newline.</summary>
    public static void Write(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteStartArray("rules");
            foreach (var rule in RuleCatalog.All)
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>Writes one rule as a JSON object (the shape of one element of <c>rules</c>).</summary>
    public static void WriteRule(Utf8JsonWriter json, Rule rule)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(rule);
        var evidence = RuleCatalog.EvidenceOf(rule.Id);
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("level", rule.Level.ToString());
        json.WriteString("statement", rule.Statement);
        json.WriteString("page", rule.Page); // null for a kit rule with no corpus page
        json.WriteStartArray("enforcement");
        if (rule.Enforcement.HasFlag(RuleEnforcement.RunTime))
        {
            json.WriteStringValue("runTime");
        }

        if (rule.Enforcement.HasFlag(RuleEnforcement.CompileTime))
        {
            json.WriteStringValue("compileTime");
        }

        json.WriteEndArray();
        json.WriteStringArray("analyzers", evidence.Analyzers);
        json.WriteStringArray("runtimeChecks", evidence.RuntimeChecks);
        json.WriteStringArray("scripts", evidence.Scripts);
        json.WriteStringArray("provenBy", evidence.ProvenBy);
        json.WriteStringArray("requirements", Requirements.RequirementCatalog.Default.CheckedBy(rule.Id).Select(r => r.Id));
        json.WriteEndObject();
    }
}
