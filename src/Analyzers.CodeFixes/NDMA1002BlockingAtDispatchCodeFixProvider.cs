using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Contracts;
using NetDma.Analyzers.Irql;

namespace NetDma.Analyzers.CodeFixes;

/// <summary>
/// Fixes for NDMA1002 (blocking at DISPATCH_LEVEL or above). A C# <c>lock</c> becomes the kernel spin-lock pattern
/// (KeAcquireSpinLock, try, finally KeReleaseSpinLock), offered when the type has a KSpinLock member and an IWdmKernel
/// member and the code never runs above DISPATCH_LEVEL (where KeAcquireSpinLock is not allowed either). A kernel wait
/// with a time-out becomes a poll (time-out 0), which managing-hardware-priorities.md allows at DISPATCH_LEVEL.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NDMA1002BlockingAtDispatchCodeFixProvider)), Shared]
public sealed class NDMA1002BlockingAtDispatchCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of the spin-lock fix (one action per KSpinLock member; the key ends with its name).</summary>
    public const string SpinLockKey = "NDMA1002.SpinLock.";

    /// <summary>Equivalence key of the poll fix.</summary>
    public const string PollKey = "NDMA1002.Poll";


    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleSource.Ids.NoBlockingWaitAtDispatch);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

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
            if (!diagnostic.Properties.TryGetValue(IrqlDiagnosticProperties.Direct, out var direct) || direct != "true"
                || !diagnostic.Properties.TryGetValue(IrqlDiagnosticProperties.BlockingKind, out var kind))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (kind == BlockingKinds.Lock && node.FirstAncestorOrSelf<LockStatementSyntax>() is { } lockStatement && RunsAtMostAtDispatch(diagnostic))
            {
                RegisterSpinLockFixes(context, diagnostic, model, lockStatement);
            }
            else if (kind == BlockingKinds.KernelWait && node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation
                && TimeoutArgument(model, invocation, context.CancellationToken) is { } timeout)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Poll instead of waiting (timeout 0)",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(
                            timeout.Expression,
                            SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0)).WithTriviaFrom(timeout.Expression)))),
                        PollKey),
                    diagnostic);
            }
        }
    }

    private static bool RunsAtMostAtDispatch(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(IrqlDiagnosticProperties.HighestLevel, out var highest)
        && byte.TryParse(highest, NumberStyles.Integer, CultureInfo.InvariantCulture, out var level)
        && level <= IrqlRange.Dispatch;

    private static ArgumentSyntax? TimeoutArgument(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken) =>
        model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation
        && operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == KernelWait.TimeoutParameterName) is { Syntax: ArgumentSyntax argument }
            ? argument
            : null;

    private static void RegisterSpinLockFixes(CodeFixContext context, Diagnostic diagnostic, SemanticModel model, LockStatementSyntax lockStatement)
    {
        if (model.GetEnclosingSymbol(lockStatement.SpanStart, context.CancellationToken) is not { } enclosing
            || enclosing.ContainingType is not { } type
            || ContractSymbols.TryCreate(model.Compilation) is not { IWdmKernel: { } kernelType, KSpinLock: { } spinLockType })
        {
            return;
        }

        var isStatic = IsInStaticContext(enclosing);
        var kernel = MembersOf(type, kernelType, isStatic).FirstOrDefault();
        if (kernel is null)
        {
            return;
        }

        foreach (var spinLock in MembersOf(type, spinLockType, isStatic))
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use the kernel spin lock {spinLock.Name} (KeAcquireSpinLock / KeReleaseSpinLock)",
                    cancellationToken => UseSpinLockAsync(context.Document, model, lockStatement, kernel.Name, spinLock.Name, cancellationToken),
                    SpinLockKey + spinLock.Name),
                diagnostic);
        }
    }

    private static bool IsInStaticContext(ISymbol enclosing)
    {
        for (var symbol = enclosing; symbol is not null and not INamedTypeSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol.IsStatic)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The fields and properties of <paramref name="type"/> (and its bases) whose type is <paramref name="memberType"/>.</summary>
    private static IEnumerable<ISymbol> MembersOf(INamedTypeSymbol type, INamedTypeSymbol memberType, bool staticOnly)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                var memberTypeOf = member switch
                {
                    IFieldSymbol { IsImplicitlyDeclared: false } field => field.Type,
                    IPropertySymbol { GetMethod: not null } property => property.Type,
                    _ => null,
                };
                if (memberTypeOf is not null && SymbolEqualityComparer.Default.Equals(memberTypeOf, memberType) && (!staticOnly || member.IsStatic)
                    && (SymbolEqualityComparer.Default.Equals(current, type) || member.DeclaredAccessibility != Accessibility.Private))
                {
                    yield return member;
                }
            }
        }
    }

    private static Task<Document> UseSpinLockAsync(
        Document document, SemanticModel model, LockStatementSyntax lockStatement, string kernel, string spinLock, CancellationToken cancellationToken)
    {
        var oldIrql = UniqueName(model, lockStatement, "oldIrql");
        var acquire = SyntaxFactory.ParseStatement($"{kernel}.KeAcquireSpinLock({spinLock}, out var {oldIrql});")
            .WithLeadingTrivia(lockStatement.GetLeadingTrivia());
        var release = SyntaxFactory.ParseStatement($"{kernel}.KeReleaseSpinLock({spinLock}, {oldIrql});");
        var body = lockStatement.Statement as BlockSyntax ?? SyntaxFactory.Block(lockStatement.Statement);
        var tryStatement = SyntaxFactory.TryStatement(
                body.WithoutTrivia(),
                default,
                SyntaxFactory.FinallyClause(SyntaxFactory.Block(release)))
            .WithTrailingTrivia(lockStatement.GetTrailingTrivia());
        var statements = new StatementSyntax[] { acquire, tryStatement.WithAdditionalAnnotations(Formatter.Annotation) };

        var root = lockStatement.SyntaxTree.GetRoot(cancellationToken);
        var newRoot = lockStatement.Parent is BlockSyntax or SwitchSectionSyntax
            ? root.ReplaceNode(lockStatement, statements)
            : root.ReplaceNode(lockStatement, SyntaxFactory.Block(statements).WithAdditionalAnnotations(Formatter.Annotation));
        return Task.FromResult(document.WithSyntaxRoot(newRoot));
    }

    /// <summary><paramref name="name"/>, or name1, name2 ... when a symbol in scope or a local in the lock body already uses it.</summary>
    private static string UniqueName(SemanticModel model, LockStatementSyntax lockStatement, string name)
    {
        var declared = new HashSet<string>(lockStatement.Statement.DescendantNodes()
            .Select(n => n switch
            {
                VariableDeclaratorSyntax variable => variable.Identifier.ValueText,
                SingleVariableDesignationSyntax designation => designation.Identifier.ValueText,
                _ => null,
            })
            .OfType<string>());
        var candidate = name;
        for (var suffix = 1; declared.Contains(candidate) || !model.LookupSymbols(lockStatement.SpanStart, name: candidate).IsEmpty; suffix++)
        {
            candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
