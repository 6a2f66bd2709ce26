using System.Text.RegularExpressions;
using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Tests.Spec;

/// <summary>
/// What the fidelity test reads from one Microsoft reference page: the YAML front matter (<c>UID</c>, <c>req.irql</c>,
/// <c>req.header</c>, <c>api_name</c>, <c>ms.keywords</c>, <c>req.ddi-compliance</c>), the <c>### -param</c> headings
/// of <c>## -parameters</c>, the status names of <c>## -returns</c> and the <c>### -field</c> headings of
/// <c>## -struct-fields</c> / <c>## -enum-fields</c>. Pages mix HTML (<c>&lt;b&gt;STATUS_SUCCESS&lt;/b&gt;</c> in
/// tables) and Markdown (<c>**STATUS_SUCCESS**</c>); the parser reads the words, not the markup.
/// </summary>
internal sealed partial record SpecPage(
    string FileName,
    IReadOnlyDictionary<string, string> Scalars,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Lists,
    IReadOnlyList<SpecParameter> Parameters,
    bool HasParametersSection,
    IReadOnlyList<string> ReturnStatusSpellings,
    string? ReturnsText,
    IReadOnlyList<SpecField> Fields)
{
    /// <summary><c>UID</c>, e.g. <c>NC:netdma.DMA_CHANNEL_ALLOCATE_HANDLER</c>.</summary>
    public string Uid => Scalar("UID");

    /// <summary>The UID's prefix: <c>NC</c>, <c>NF</c>, <c>NS</c> or <c>NE</c>.</summary>
    public string UidKind => Uid.Split(':')[0];

    /// <summary>The name the UID gives, without the header part and the leading underscore (<c>NET_DMA_DESCRIPTOR</c>).</summary>
    public string UidName => Uid[(Uid.IndexOf('.') + 1)..].TrimStart('_');

    /// <summary><c>req.irql</c> as written (empty for structures and enumerations).</summary>
    public string IrqlText => Scalar("req.irql");

    /// <summary><c>req.header</c>, e.g. <c>netdma.h</c>.</summary>
    public string Header => Scalar("req.header");

    /// <summary>The <c>api_name</c> list.</summary>
    public IReadOnlyList<string> ApiNames => Lists.GetValueOrDefault("api_name") ?? [];

    /// <summary>The comma-separated entries of <c>ms.keywords</c>.</summary>
    public IReadOnlyList<string> Keywords => SplitList(Scalar("ms.keywords"));

    /// <summary>The rules <c>req.ddi-compliance</c> names, without variants in parentheses (<c>IrqlDispatch(storport)</c> is <c>IrqlDispatch</c>).</summary>
    public IReadOnlyList<string> DdiCompliance =>
        [.. SplitList(Scalar("req.ddi-compliance")).Select(rule => rule.Split('(')[0].Trim()).Distinct()];

    /// <summary>
    /// True when the page documents no return value: it has no <c>## -returns</c> section, or the section says
    /// <c>None</c> or that the routine does not return a value.
    /// </summary>
    public bool ReturnsNothing => ReturnsText is null
        || ReturnsText.Trim().TrimEnd('.') == "None"
        || ReturnsText.Contains("does not return a value", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads and parses the page at <paramref name="path"/>.</summary>
    public static SpecPage Load(string path) => Parse(Path.GetFileName(path), File.ReadAllText(path));

    /// <summary>Parses page text; <paramref name="fileName"/> names the page in errors.</summary>
    /// <exception cref="FormatException">The front matter is missing or a heading cannot be read.</exception>
    public static SpecPage Parse(string fileName, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new FormatException($"{fileName}: no YAML front matter (the page does not start with ---).");
        }

        var end = Array.FindIndex(lines, 1, line => line.Trim() == "---");
        if (end < 0)
        {
            throw new FormatException($"{fileName}: the YAML front matter is not closed by ---.");
        }

        var (scalars, lists) = ParseFrontMatter(lines[1..end]);
        var sections = Sections(lines[(end + 1)..]);

        var parameters = sections.GetValueOrDefault("-parameters") is { } parameterLines
            ? Headings(parameterLines, "### -param ").Select(heading => ParseParameter(fileName, heading.Heading)).ToList()
            : [];
        var returns = sections.GetValueOrDefault("-returns") is { } returnLines ? string.Join("\n", returnLines) : null;
        var statuses = returns is null ? [] : StatusWord().Matches(returns).Select(match => match.Value).Distinct().ToList();
        var fieldLines = sections.GetValueOrDefault("-struct-fields") ?? sections.GetValueOrDefault("-enum-fields");
        var fields = fieldLines is null
            ? []
            : Headings(fieldLines, "### -field ")
                .Select(heading => new SpecField(heading.Heading.Trim(), LinkedPages(heading.Body)))
                .ToList();

        return new SpecPage(fileName, scalars, lists, parameters, sections.ContainsKey("-parameters"), statuses, returns, fields);
    }

    /// <summary>The reference pages linked from <paramref name="text"/>, as file names (<c>nc-wdm-pput_dma_adapter.md</c>).</summary>
    public static IReadOnlyList<string> LinkedPages(string text) =>
        [.. PageLink().Matches(text).Select(match => match.Groups["page"].Value.ToLowerInvariant() + ".md").Distinct()];

    private string Scalar(string key) => Scalars.GetValueOrDefault(key) ?? "";

    private static IReadOnlyList<string> SplitList(string value) =>
        [.. value.Split(',').Select(item => item.Trim()).Where(item => item.Length > 0)];

    private static (Dictionary<string, string>, Dictionary<string, IReadOnlyList<string>>) ParseFrontMatter(string[] lines)
    {
        var scalars = new Dictionary<string, string>(StringComparer.Ordinal);
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? key = null;
        foreach (var line in lines)
        {
            if (FrontMatterItem().Match(line) is { Success: true } item && key is not null)
            {
                lists[key].Add(Unquote(item.Groups["value"].Value));
            }
            else if (FrontMatterKey().Match(line) is { Success: true } pair)
            {
                key = pair.Groups["key"].Value;
                scalars[key] = Unquote(pair.Groups["value"].Value);
                lists[key] = [];
            }
        }

        return (scalars, lists.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value));
    }

    private static string Unquote(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1] : trimmed;
    }

    // "## -name" opens a section that runs to the next "## " heading; "### " headings stay inside it.
    private static Dictionary<string, List<string>> Sections(string[] lines)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                var name = line[3..].Trim();
                current = name.StartsWith('-') ? sections[name] = [] : null;
            }
            else
            {
                current?.Add(line);
            }
        }

        return sections;
    }

    private static IEnumerable<(string Heading, string Body)> Headings(List<string> lines, string prefix)
    {
        string? heading = null;
        var body = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                if (heading is not null)
                {
                    yield return (heading, string.Join("\n", body));
                }

                heading = line[prefix.Length..];
                body.Clear();
            }
            else if (heading is not null)
            {
                body.Add(line);
            }
        }

        if (heading is not null)
        {
            yield return (heading, string.Join("\n", body));
        }
    }

    private static SpecParameter ParseParameter(string fileName, string heading)
    {
        var match = ParameterHeading().Match(heading.Trim());
        if (!match.Success)
        {
            throw new FormatException($"{fileName}: cannot read the parameter heading '### -param {heading}'.");
        }

        var tag = match.Groups["tag"].Value.Trim();
        var words = tag.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = words.Where(word => word is not ("in" or "out" or "optional")).ToList();
        if (unknown.Count > 0)
        {
            throw new FormatException($"{fileName}: parameter {match.Groups["name"].Value} has an unknown tag [{tag}].");
        }

        DdiParameterDirection? direction = (words.Contains("in"), words.Contains("out")) switch
        {
            (true, true) => DdiParameterDirection.InOut,
            (true, false) => DdiParameterDirection.In,
            (false, true) => DdiParameterDirection.Out,
            _ => null,
        };
        return new SpecParameter(match.Groups["name"].Value, tag, direction, words.Contains("optional"));
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_.\-]+):\s?(?<value>.*)$")]
    private static partial Regex FrontMatterKey();

    [GeneratedRegex(@"^\s+-\s+(?<value>.*)$")]
    private static partial Regex FrontMatterItem();

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\[(?<tag>[^\]]*)\])?$")]
    private static partial Regex ParameterHeading();

    // Any STATUS_ word of the -returns section: in <b>..</b> or <dt> table cells, in **..**, or in prose
    // ("returns STATUS_SUCCESS if the call is successful", nc-wdm-pallocate_adapter_channel_ex.md).
    [GeneratedRegex(@"\bSTATUS_[A-Z0-9_]+\b")]
    private static partial Regex StatusWord();

    // Links as the pages write them: /windows-hardware/drivers/ddi/wdm/nc-wdm-pmap_transfer, (nc-wdm-x.md), (./ns-wdm-y.md).
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<page>n[cefs]-[a-z0-9]+-[A-Za-z0-9_\-]+?)(?:\.md)?(?=[""')#\s>]|$)")]
    private static partial Regex PageLink();
}
