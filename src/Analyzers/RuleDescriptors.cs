using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers;

/// <summary>
/// Builds every diagnostic descriptor the same way: the rule's ID and statement (its title) from the one rule source
/// (src/Rules/RuleSource.cs), category, warning severity (MUST rules fail builds that
/// treat warnings as errors; each can be tuned in .editorconfig), enabled by default, help link to docs/rules/ID.md.
/// </summary>
internal static class RuleDescriptors
{
    public const string IrqlCategory = "NetDMA.IRQL";
    public const string StatusCategory = "NetDMA.NTSTATUS";
    public const string ProtocolCategory = "NetDMA.Protocol";

    /// <param name="id">The rule the diagnostic reports: a constant of <see cref="RuleSource.Ids"/>.</param>
    /// <param name="messageFormat">The message, with the analyzer's arguments.</param>
    /// <param name="category">One of the categories above.</param>
    /// <param name="description">What the analyzer adds to the rule: how it decides, why it matters (the rule's statement and page come first).</param>
    public static DiagnosticDescriptor Create(string id, string messageFormat, string category, string description)
    {
        var rule = RuleSource.Find(id) ?? throw new System.ArgumentException($"no rule {id} in src/Rules/RuleSource.cs", nameof(id));
        return new(id, rule.Statement.TrimEnd('.'), messageFormat, category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            $"{rule.Statement} Source: {rule.Source}. {description}", RuleHelp.LinkFor(id));
    }

    /// <summary>
    /// <paramref name="diagnostic"/> as a compilation-end action reports it: the same rule, message, location and
    /// properties, tagged <see cref="WellKnownDiagnosticTags.CompilationEnd"/>, so a host knows it needed the whole
    /// compilation and appears in <c>dotnet build</c> and full-solution analysis, not while a document is edited.
    /// (The rule's one descriptor stays untagged: most of its diagnostics are live.)
    /// </summary>
    public static Diagnostic AtCompilationEnd(Diagnostic diagnostic)
    {
        var rule = diagnostic.Descriptor;
        return Diagnostic.Create(rule.Id, rule.Category, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            diagnostic.Severity, rule.DefaultSeverity, rule.IsEnabledByDefault, diagnostic.WarningLevel, rule.Title, rule.Description,
            rule.HelpLinkUri, diagnostic.Location, diagnostic.AdditionalLocations, [.. rule.CustomTags, WellKnownDiagnosticTags.CompilationEnd],
            diagnostic.Properties);
    }
}
