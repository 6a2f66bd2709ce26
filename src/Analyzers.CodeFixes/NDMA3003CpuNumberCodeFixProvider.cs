using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using NetDma.Analyzers.Rules;

namespace NetDma.Analyzers.CodeFixes;

/// <summary>
/// NDMA3003 "Write CpuNumber": inserts <c>ChannelParameters.CpuNumber = (uint)System.Numerics.BitOperations.TrailingZeroCount(ChannelParameters.ProcessorAffinityMask);</c>
/// before the success return: the lowest CPU number whose bit is set in the mask (a CPU number, not a mask; the
/// interrupt DPC must then run there, rule NDMA3005). Offered only when no path to that return writes CpuNumber (the
/// analyzer omits the parameter property otherwise). A return that is the body of an <c>if</c> without braces gets a
/// block. Expression-bodied returns are not rewritten.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NDMA3003CpuNumberCodeFixProvider))]
[Shared]
public sealed class NDMA3003CpuNumberCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix.</summary>
    public const string EquivalenceKey = "NDMA3003.WriteCpuNumber";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleSource.Ids.CpuNumberReported);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ReturnStatementSyntax statement
                || !diagnostic.Properties.TryGetValue(NDMA3003CpuNumberAnalyzer.ChannelParametersProperty, out var parameter) || parameter is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Write {parameter}.CpuNumber",
                    cancellation => Task.FromResult(context.Document.WithSyntaxRoot(Fix(root, statement, parameter))),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static SyntaxNode Fix(SyntaxNode root, ReturnStatementSyntax statement, string parameter)
    {
        var endOfLine = statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var write = SyntaxFactory.ParseStatement(
                $"{parameter}.CpuNumber = (uint)System.Numerics.BitOperations.TrailingZeroCount({parameter}.ProcessorAffinityMask);")
            .WithTrailingTrivia(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.ElasticLineFeed)
            .WithAdditionalAnnotations(Formatter.Annotation);
        if (statement.Parent is BlockSyntax or SwitchSectionSyntax)
        {
            return root.InsertNodesBefore(statement, new[] { write.WithLeadingTrivia(statement.GetLeadingTrivia()) });
        }

        var block = SyntaxFactory.Block(write, statement.WithoutTrivia())
            .WithTriviaFrom(statement)
            .WithAdditionalAnnotations(Formatter.Annotation);
        return root.ReplaceNode(statement, block);
    }
}
