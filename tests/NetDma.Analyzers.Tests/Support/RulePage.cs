using System.Text.RegularExpressions;

namespace NetDma.Analyzers.Tests.Support;

/// <summary>
/// A rule's documentation page, <c>docs/rules/&lt;ID&gt;.md</c>: a title line <c># ID: title</c>, then the sections
/// <see cref="Headings"/> in that order.
/// </summary>
public sealed partial class RulePage
{
    /// <summary>The section headings every page has, in order: what the rule reports, why (the source page), a wrong and a right example, the PREfast/SDV/Driver Verifier equivalent, how to configure it.</summary>
    public static readonly IReadOnlyList<string> Headings = ["## What", "## Why", "## Wrong", "## Right", "## Equivalent", "## Configure"];

    private RulePage(string id, string path, string text)
    {
        Id = id;
        Path = path;
        Text = text;
        Lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
    }

    public string Id { get; }

    public string Path { get; }

    public string Text { get; }

    public IReadOnlyList<string> Lines { get; }

    /// <summary>The repository-relative link of rule <paramref name="id"/>'s page.</summary>
    public static string LinkOf(string id) => $"docs/rules/{id}.md";

    /// <summary>The page of <paramref name="id"/>, or null when the file does not exist.</summary>
    public static RulePage? TryLoad(string id)
    {
        var path = RepositoryFiles.PathOf(LinkOf(id));
        return File.Exists(path) ? new RulePage(id, path, File.ReadAllText(path)) : null;
    }

    /// <summary>The lines of section <paramref name="heading"/> (up to the next <c>## </c> heading), or empty when absent.</summary>
    public IReadOnlyList<string> Section(string heading)
    {
        var start = Lines.ToList().IndexOf(heading);
        return start < 0 ? [] : Lines.Skip(start + 1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal)).ToList();
    }

    /// <summary>The first <c>```csharp</c> block of section <paramref name="heading"/>, or null.</summary>
    public string? CSharpBlock(string heading)
    {
        var match = CSharpFence().Match(string.Join("\n", Section(heading)));
        return match.Success ? match.Groups["code"].Value : null;
    }

    /// <summary>The spec pages (<c>something.md</c>) that section <paramref name="heading"/> names.</summary>
    /// <summary>
    /// The diagnostic message a page quotes for its example under <paramref name="heading"/>: the paragraph right after
    /// the code block when it is written in backticks, or null when the page quotes none.
    /// </summary>
    public string? QuotedMessage(string heading)
    {
        var text = string.Join("\n", Section(heading));
        var block = CSharpFence().Match(text);
        if (!block.Success)
        {
            return null;
        }

        var after = text[(block.Index + block.Length)..].TrimStart('\n');
        var paragraphEnd = after.IndexOf("\n\n", StringComparison.Ordinal);
        return after.StartsWith('`') ? after[..(paragraphEnd < 0 ? after.Length : paragraphEnd)].Trim().Replace('\n', ' ').Trim('`') : null;
    }

    public IReadOnlyList<string> PagesNamedIn(string heading) =>
        SpecPage().Matches(string.Join("\n", Section(heading))).Select(m => m.Value).Distinct().ToList();

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpFence();

    [GeneratedRegex(@"\b[a-z0-9][a-z0-9_-]*\.md\b")]
    private static partial Regex SpecPage();
}
