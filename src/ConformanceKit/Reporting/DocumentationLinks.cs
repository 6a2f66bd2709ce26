using System.Text.RegularExpressions;
using NetDma.ConformanceKit.Rules;

namespace NetDma.ConformanceKit.Reporting;

/// <summary>
/// Where a person reads more about the kit and its rules, for reports that need absolute links (SARIF's
/// <c>informationUri</c> and <c>helpUri</c>): a rule's help is the Microsoft Learn page of the spec page it comes from
/// (<see cref="Rule.Page"/>, a file name under <c>shared/spec</c>), and its repository page is
/// <c>docs/rules/&lt;ID&gt;.md</c> where one exists.
/// </summary>
public static partial class DocumentationLinks
{
    private const string LearnDrivers = "https://learn.microsoft.com/windows-hardware/drivers/";

    /// <summary>
    /// The Learn folder of each guide page of the spec corpus (shared/spec/README.md names the repository folder each
    /// was copied from; Learn serves it under the same folder name).
    /// </summary>
    private static readonly Dictionary<string, string> GuideFolders = new(StringComparer.Ordinal)
    {
        ["dma-verification"] = "devtest",
        ["irql-annotations-for-drivers"] = "devtest",
        ["managing-hardware-priorities"] = "kernel",
        ["netdma-updates-in-ndis-6-1"] = "network",
        ["introduction-to-the-netdma-interface"] = "network",
        ["registering-a-netdma-provider"] = "network",
        ["starting-a-netdma-provider"] = "network",
        ["stopping-a-netdma-provider"] = "network",
        ["allocating-a-netdma-channel"] = "network",
        ["freeing-a-netdma-channel"] = "network",
        ["setting-the-netdma-interrupt-cpu-affinities"] = "network",
        ["netdma-provider-services"] = "network",
        ["handling-a-netdma-interrupt"] = "network",
        ["handling-a-netdma-interrupt-dpc"] = "network",
    };

    /// <summary>
    /// The tool's information page. The kit has no published home page yet and SARIF requires an absolute URI, so this
    /// is the Microsoft Learn introduction to the NetDMA interface, the interface whose contracts the kit checks.
    /// </summary>
    public static Uri Tool { get; } = new(LearnDrivers + "network/introduction-to-the-netdma-interface");

    /// <summary>
    /// The Microsoft Learn page of a spec page: a DDI page (<c>nc-</c>, <c>nf-</c>, <c>ns-</c>, <c>ne-</c> +
    /// header + name, e.g. <c>nf-ntddk-kesettargetprocessordpc.md</c>) lives under <c>ddi/&lt;header&gt;/</c>, a
    /// guide page under its documentation folder (<c>devtest</c>, <c>kernel</c>, <c>network</c>).
    /// </summary>
    /// <param name="page">The page's file name, e.g. <c>ns-netdma-_net_dma_channel_parameters.md</c>.</param>
    /// <exception cref="ArgumentException">The page is neither a DDI page nor a guide page of the spec corpus.</exception>
    public static Uri ForSpecPage(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var name = page.EndsWith(".md", StringComparison.Ordinal) ? page[..^3] : page;
        if (DdiPage().Match(name) is { Success: true } ddi)
        {
            return new Uri($"{LearnDrivers}ddi/{ddi.Groups["header"].Value}/{name}");
        }

        return GuideFolders.TryGetValue(name, out var folder)
            ? new Uri($"{LearnDrivers}{folder}/{name}")
            : throw new ArgumentException($"'{page}' is not a DDI or guide page of the spec corpus", nameof(page));
    }

    /// <summary>
    /// The help page of <paramref name="rule"/>: the Microsoft Learn page of its source page, or null for a kit rule
    /// with no corpus page (there is no Microsoft page to send a reader to; its repository page,
    /// <see cref="RepositoryPage"/>, explains it).
    /// </summary>
    /// <param name="rule">A catalog rule.</param>
    public static Uri? ForRule(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Page is { } page ? ForSpecPage(page) : null;
    }

    /// <summary>
    /// The repository page that documents <paramref name="rule"/>, <c>docs/rules/&lt;ID&gt;.md</c> (relative to the
    /// repository root): every rule has one (a test checks it).
    /// </summary>
    /// <param name="rule">A catalog rule.</param>
    public static string RepositoryPage(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return $"docs/rules/{rule.Id}.md";
    }

    [GeneratedRegex("^(nc|nf|ns|ne)-(?<header>[a-z0-9]+)-.+$", RegexOptions.CultureInvariant)]
    private static partial Regex DdiPage();
}
