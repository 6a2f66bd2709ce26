namespace NetDma.Analyzers;

/// <summary>Where each rule's documentation lives: <c>docs/rules/&lt;ID&gt;.md</c> in the repository (a test checks every page exists).</summary>
internal static class RuleHelp
{
    /// <summary>The help link of rule <paramref name="id"/>, relative to the repository root.</summary>
    public static string LinkFor(string id) => $"docs/rules/{id}.md";
}
