using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetDma.Analyzers.Contracts;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using NetDma.Analyzers.Rules;

namespace NetDma.Analyzers.CodeFixes;

/// <summary>
/// NDMA2001 "Use the documented status": replaces an undocumented status constant by one the page documents, one
/// fix per documented status, the one the author most likely meant first: STATUS_SUCCESS for a success or
/// informational value, STATUS_INSUFFICIENT_RESOURCES for a resource-exhaustion value, else STATUS_UNSUCCESSFUL;
/// then the rest in the page's order.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NDMA2001DocumentedStatusCodeFixProvider))]
[Shared]
public sealed class NDMA2001DocumentedStatusCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key prefix; the status name follows (<c>NDMA2001.Use.STATUS_UNSUCCESSFUL</c>).</summary>
    public const string EquivalenceKeyPrefix = "NDMA2001.Use.";

    private const string Success = "STATUS_SUCCESS";
    private const string InsufficientResources = "STATUS_INSUFFICIENT_RESOURCES";
    private const string Unsuccessful = "STATUS_UNSUCCESSFUL";

    /// <summary>STATUS_NO_MEMORY (ntstatus.h): not a member of the contract's NtStatus enum, so recognised by value.</summary>
    private const int StatusNoMemory = unchecked((int)0xC0000017);

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleSource.Ids.DocumentedStatusOnly);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || ContractSymbols.TryCreate(model.Compilation) is not { NtStatus: { } ntStatus })
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is ArgumentSyntax argument)
            {
                node = argument.Expression;
            }

            if (node is not ExpressionSyntax expression
                || !diagnostic.Properties.TryGetValue(NDMA2001DocumentedStatusAnalyzer.DocumentedProperty, out var documented) || documented is null
                || !diagnostic.Properties.TryGetValue(NDMA2001DocumentedStatusAnalyzer.ValueProperty, out var valueText)
                || !int.TryParse(valueText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(NDMA2001DocumentedStatusAnalyzer.StatusProperty, out var undocumentedName);
            var members = new HashSet<string>(ntStatus.GetMembers().OfType<IFieldSymbol>().Select(f => f.Name), StringComparer.Ordinal);
            foreach (var status in Rank(documented.Split(','), value, undocumentedName ?? string.Empty).Where(members.Contains))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use the documented status {status}",
                        cancellation => Replace(context.Document, expression, ntStatus, status, cancellation),
                        EquivalenceKeyPrefix + status),
                    diagnostic);
            }
        }
    }

    /// <summary>The documented statuses, the likeliest replacement for <paramref name="value"/> first.</summary>
    public static IEnumerable<string> Rank(IReadOnlyList<string> documented, int value, string name)
    {
        var likeliest = value >= 0 ? Success : IsResourceExhaustion(value, name) ? InsufficientResources : Unsuccessful;
        var ranked = documented.Where(s => s == likeliest).ToList();
        if (ranked.Count == 0 && value < 0 && documented.Contains(Unsuccessful))
        {
            ranked.Add(Unsuccessful);
        }

        return ranked.Concat(documented.Where(s => !ranked.Contains(s)));
    }

    /// <summary>Out-of-resources codes: names that say so (STATUS_INSUFFICIENT_RESOURCES, ..._QUOTA_..., ..._MEMORY), and STATUS_NO_MEMORY.</summary>
    private static bool IsResourceExhaustion(int value, string name) =>
        value == StatusNoMemory
        || name.IndexOf("RESOURCES", StringComparison.Ordinal) >= 0
        || name.IndexOf("MEMORY", StringComparison.Ordinal) >= 0
        || name.IndexOf("QUOTA", StringComparison.Ordinal) >= 0;

    private static async Task<Document> Replace(Document document, ExpressionSyntax expression, INamedTypeSymbol ntStatus, string status, CancellationToken cancellation)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellation).ConfigureAwait(false);
        var replacement = editor.Generator.MemberAccessExpression(editor.Generator.TypeExpression(ntStatus, addImport: true), status)
            .WithTriviaFrom(expression);
        editor.ReplaceNode(expression, replacement);
        return editor.GetChangedDocument();
    }
}
