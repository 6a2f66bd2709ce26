using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetDma.Analyzers.Contracts;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using NetDma.Analyzers.Rules;

namespace NetDma.Analyzers.CodeFixes;

/// <summary>
/// NDMA2004 "Check the status": turns a discarded NTSTATUS call statement (<c>netDma.NetDmaRegisterProvider(...);</c>)
/// into <c>var status = ...; if (!NtStatusFacts.NT_SUCCESS(status)) { return status; }</c> in a routine returning
/// NtStatus, or <c>... { return; }</c> in a void routine. Offered only for NTSTATUS results of calls that are statements
/// of a block or switch section.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NDMA2004InspectResultCodeFixProvider))]
[Shared]
public sealed class NDMA2004InspectResultCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "NDMA2004.CheckStatus";


    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleSource.Ids.InspectResult);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(NDMA2004InspectResultAnalyzer.KindProperty, out var kind) || kind != NDMA2004InspectResultAnalyzer.DiscardedKind
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                || invocation.Parent is not ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement
                || ContractSymbols.TryCreate(model.Compilation) is not { NtStatus: { } ntStatus, NtStatusFacts: { } facts }
                || !SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(invocation, context.CancellationToken).Type, ntStatus)
                || ReturnsStatus(statement, model, ntStatus, context.CancellationToken) is not { } returnsStatus)
            {
                continue;
            }

            var name = FreeName(model, statement.SpanStart, "status");
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Check the status",
                    cancellation => Fix(context.Document, statement, invocation, name, facts, returnsStatus, cancellation),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>True when the enclosing routine returns NtStatus, false when it returns void, null otherwise (no fix).</summary>
    private static bool? ReturnsStatus(SyntaxNode statement, SemanticModel model, INamedTypeSymbol ntStatus, CancellationToken cancellation)
    {
        var function = statement.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);
        var symbol = function switch
        {
            null => null,
            AnonymousFunctionExpressionSyntax lambda => model.GetSymbolInfo(lambda, cancellation).Symbol as IMethodSymbol,
            _ => model.GetDeclaredSymbol(function, cancellation) as IMethodSymbol,
        };
        if (symbol is null || symbol.IsAsync)
        {
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(symbol.ReturnType, ntStatus))
        {
            return true;
        }

        return symbol.ReturnsVoid ? false : null;
    }

    private static string FreeName(SemanticModel model, int position, string name)
    {
        var candidate = name;
        for (var suffix = 2; !model.LookupSymbols(position, name: candidate).IsEmpty; suffix++)
        {
            candidate = name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static async Task<Document> Fix(Document document, ExpressionStatementSyntax statement, InvocationExpressionSyntax invocation, string name,
        INamedTypeSymbol facts, bool returnsStatus, CancellationToken cancellation)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellation).ConfigureAwait(false);
        var generator = editor.Generator;
        var declaration = ((StatementSyntax)generator.LocalDeclarationStatement(name, invocation.WithoutTrivia()))
            .WithLeadingTrivia(statement.GetLeadingTrivia());
        var check = generator.IfStatement(
            generator.LogicalNotExpression(generator.InvocationExpression(
                generator.MemberAccessExpression(generator.TypeExpression(facts, addImport: true), "NT_SUCCESS"),
                generator.IdentifierName(name))),
            new[] { returnsStatus ? generator.ReturnStatement(generator.IdentifierName(name)) : generator.ReturnStatement() });
        editor.InsertBefore(statement, declaration);
        editor.ReplaceNode(statement, ((StatementSyntax)check).WithTrailingTrivia(statement.GetTrailingTrivia()).WithAdditionalAnnotations(Formatter.Annotation));
        return editor.GetChangedDocument();
    }
}
