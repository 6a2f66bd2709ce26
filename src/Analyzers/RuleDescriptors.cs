using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers;

/// <summary>
/// Builds every diagnostic descriptor the same way: catalog ID, category, warning severity (MUST rules fail builds that
/// treat warnings as errors; each can be tuned in .editorconfig), enabled by default, help link to docs/rules/ID.md.
/// </summary>
internal static class RuleDescriptors
{
    public const string IrqlCategory = "NetDMA.IRQL";
    public const string StatusCategory = "NetDMA.NTSTATUS";
    public const string ProtocolCategory = "NetDMA.Protocol";

    public static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, string description) =>
        new(id, title, messageFormat, category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description, RuleHelp.LinkFor(id));
}
