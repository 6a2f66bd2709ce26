using System.Text.Json;
using NetDma.ConformanceKit.Rules;

namespace NetDma.ConformanceKit.Requirements;

/// <summary>
/// Every normative statement of the reference pages in <c>shared/spec</c>, with the rules that check it and how far the
/// kit verifies it. The rows live in <c>Requirements/Catalog/*.json</c> (one file per spec folder: <c>netdma-ddi</c>,
/// <c>wdm-ddi</c>, <c>guides</c>), embedded in this assembly.
/// </summary>
/// <remarks>
/// A file's shape: <c>{"pages":{"ALLOCATE":"ddi/netdma/nc-netdma-dma_channel_allocate_handler.md"},
/// "requirements":[{"id":"ALLOCATE-3","page":"ALLOCATE","quote":"...","text":"...","binds":"provider",
/// "rules":["NDMA3003"],"status":"host","reason":"..."}]}</c>. A row names its status only when its rules cannot
/// decide it: <c>host</c> or <c>notModelled</c> for a system guarantee, <c>undecidable</c> for a driver requirement
/// no check can decide, each with its reason. Otherwise the status is computed: a row with rules is
/// <see cref="RequirementStatus.Proven"/> when every one of them is proven (<see cref="RuleEvidence.IsProven"/>) and
/// <see cref="RequirementStatus.Enforced"/> when not; a driver row without rules is
/// <see cref="RequirementStatus.Uncovered"/>.
/// </remarks>
public sealed class RequirementCatalog
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly string[] Files = ["netdma-ddi", "wdm-ddi", "guides"];
    private static readonly Lazy<RequirementCatalog> Embedded = new(LoadEmbedded);

    private RequirementCatalog(IReadOnlyList<Requirement> all) => All = all;

    /// <summary>The catalog built into the kit.</summary>
    public static RequirementCatalog Default => Embedded.Value;

    /// <summary>Every requirement: the NetDMA DDI pages, then the WDM DDI pages, then the guides, each in page order.</summary>
    public IReadOnlyList<Requirement> All { get; }

    /// <summary>The requirements that rule <paramref name="ruleId"/> checks.</summary>
    public IReadOnlyList<Requirement> CheckedBy(string ruleId) => [.. All.Where(r => r.Rules.Contains(ruleId, StringComparer.Ordinal))];

    /// <summary>Builds a catalog from catalog files' texts, computing statuses from <paramref name="evidence"/>.</summary>
    /// <exception cref="FormatException">A file is not catalog JSON, or a row is inconsistent (the message names the row).</exception>
    public static RequirementCatalog Parse(IEnumerable<(string Name, string Json)> files, Func<string, RuleEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(evidence);
        var all = new List<Requirement>();
        foreach (var (name, json) in files)
        {
            FileShape file;
            try
            {
                file = JsonSerializer.Deserialize<FileShape>(json, Options) ?? throw new FormatException($"{name}: empty");
            }
            catch (JsonException e)
            {
                throw new FormatException($"{name}: not requirement-catalog JSON: {e.Message}", e);
            }

            all.AddRange(file.Requirements.Select(row => ToRequirement(name, file.Pages, row, evidence)));
        }

        return new RequirementCatalog(all);
    }

    private static Requirement ToRequirement(string file, Dictionary<string, string> pages, RowShape row, Func<string, RuleEvidence> evidence)
    {
        string Where() => $"{file}: {row.Id}";
        if (!pages.TryGetValue(row.Page, out var page))
        {
            throw new FormatException($"{Where()}: page key '{row.Page}' is not in \"pages\"");
        }

        var binds = row.Binds switch
        {
            "provider" => RequirementBinding.Provider,
            "system" => RequirementBinding.System,
            _ => throw new FormatException($"{Where()}: binds is '{row.Binds}', expected provider or system"),
        };
        var rules = row.Rules ?? [];
        foreach (var id in rules.Where(id => !RuleCatalog.TryGet(id, out _)))
        {
            throw new FormatException($"{Where()}: no rule {id} in the catalog");
        }

        var status = row.Status switch
        {
            null when rules.Count > 0 => rules.All(id => evidence(id).IsProven) ? RequirementStatus.Proven : RequirementStatus.Enforced,
            null when binds == RequirementBinding.Provider => RequirementStatus.Uncovered,
            null => throw new FormatException($"{Where()}: a system requirement without rules needs a status (host or notModelled)"),
            "host" when binds == RequirementBinding.System => RequirementStatus.Host,
            "notModelled" when binds == RequirementBinding.System => RequirementStatus.NotModelled,
            "undecidable" when binds == RequirementBinding.Provider => RequirementStatus.Undecidable,
            _ => throw new FormatException($"{Where()}: status '{row.Status}' does not fit a {row.Binds} requirement"),
        };
        if (row.Status is not null && rules.Count > 0)
        {
            throw new FormatException($"{Where()}: a row with rules takes its status from them; drop \"status\"");
        }

        if ((row.Status is null) != string.IsNullOrWhiteSpace(row.Reason))
        {
            throw new FormatException($"{Where()}: a reason goes with a stated status, and only with one");
        }

        return new Requirement(row.Id, page, row.Quote, row.Text, binds, rules, status, row.Reason);
    }

    private static RequirementCatalog LoadEmbedded()
    {
        var assembly = typeof(RequirementCatalog).Assembly;
        return Parse(
            Files.Select(name =>
            {
                var resource = $"NetDma.ConformanceKit.Requirements.{name}.json";
                using var stream = assembly.GetManifestResourceStream(resource)
                    ?? throw new InvalidOperationException($"the kit assembly has no {resource} resource (a build problem)");
                using var reader = new StreamReader(stream);
                return (name + ".json", reader.ReadToEnd());
            }).ToList(),
            RuleCatalog.EvidenceOf);
    }

    private sealed record FileShape(Dictionary<string, string> Pages, List<RowShape> Requirements);

    private sealed record RowShape(string Id, string Page, string Quote, string Text, string Binds, List<string>? Rules, string? Status, string? Reason);
}
