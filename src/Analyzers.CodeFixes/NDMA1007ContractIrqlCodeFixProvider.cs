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
using Microsoft.CodeAnalysis.Simplification;
using NetDma.Analyzers.Contracts;
using NetDma.Analyzers.Irql;

namespace NetDma.Analyzers.CodeFixes;

/// <summary>
/// Fix for NDMA1007: replace the implementation's IRQL requirement attributes (IrqlRequires, IrqlRequiresMax,
/// IrqlRequiresMin) by the contract's own requirement, e.g. <c>[IrqlRequiresMax(Irql.DISPATCH_LEVEL)]</c> on an
/// AllocateDmaChannel implementation.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NDMA1007ContractIrqlCodeFixProvider)), Shared]
public sealed class NDMA1007ContractIrqlCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of the fix.</summary>
    public const string Key = "NDMA1007.ContractAttribute";

    private const string Annotations = "global::NetDma.Contracts.Annotations.";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleSource.Ids.ImplementationKeepsContractIrql);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || ContractSymbols.TryCreate(model.Compilation) is not { } symbols)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!TryLevel(diagnostic, IrqlDiagnosticProperties.ContractMin, out var min) || !TryLevel(diagnostic, IrqlDiagnosticProperties.ContractMax, out var max)
                || root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeSyntax>() is not { Parent: AttributeListSyntax { Parent: { } owner } })
            {
                continue;
            }

            var contract = new IrqlRange(min, max);
            var replacements = ContractAttributes(contract, symbols);
            var title = "Declare the contract's IRQL: " + string.Join(" ", replacements.Select(r => $"[{r.Display}]"));
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => ReplaceAsync(context.Document, model, owner, replacements, symbols, cancellationToken), Key),
                diagnostic);
        }
    }

    private static bool TryLevel(Diagnostic diagnostic, string property, out byte level)
    {
        level = 0;
        return diagnostic.Properties.TryGetValue(property, out var text) && byte.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out level);
    }

    /// <summary>The attributes that state <paramref name="contract"/>, as SAL does: one exact level, a maximum, a minimum, or both.</summary>
    private static List<(AttributeSyntax Syntax, string Display)> ContractAttributes(IrqlRange contract, ContractSymbols symbols)
    {
        var attributes = new List<(AttributeSyntax, string)>();
        void Add(string name, byte level)
        {
            var (value, display) = LevelExpression(level, symbols);
            var syntax = SyntaxFactory.Attribute(
                    SyntaxFactory.ParseName(Annotations + name).WithAdditionalAnnotations(Simplifier.Annotation),
                    SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(value))));
            attributes.Add((syntax, $"{name}({display})"));
        }

        if (contract.Min == contract.Max || (contract.Min == IrqlRange.DirqlLow && contract.Max == IrqlRange.DirqlHigh))
        {
            Add("IrqlRequires", contract.Min);
        }
        else
        {
            if (contract.Max != IrqlRange.High)
            {
                Add("IrqlRequiresMax", contract.Max);
            }

            if (contract.Min != IrqlRange.Passive)
            {
                Add("IrqlRequiresMin", contract.Min);
            }
        }

        return attributes;
    }

    /// <summary><c>Irql.DISPATCH_LEVEL</c> for a level the Irql enum names, else a cast.</summary>
    private static (ExpressionSyntax Expression, string Display) LevelExpression(byte level, ContractSymbols symbols)
    {
        var member = symbols.Irql?.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => f.HasConstantValue && f.ConstantValue is not null && System.Convert.ToInt32(f.ConstantValue, CultureInfo.InvariantCulture) == level);
        if (member is not null)
        {
            var expression = SyntaxFactory.ParseExpression($"{Annotations}Irql.{member.Name}").WithAdditionalAnnotations(Simplifier.Annotation);
            return (expression, $"Irql.{member.Name}");
        }

        var cast = SyntaxFactory.ParseExpression($"({Annotations}Irql){level.ToString(CultureInfo.InvariantCulture)}").WithAdditionalAnnotations(Simplifier.Annotation);
        return (cast, $"(Irql){level.ToString(CultureInfo.InvariantCulture)}");
    }

    private static Task<Document> ReplaceAsync(
        Document document, SemanticModel model, SyntaxNode owner, List<(AttributeSyntax Syntax, string Display)> replacements,
        ContractSymbols symbols, CancellationToken cancellationToken)
    {
        var irqlAttributes = new[] { symbols.IrqlRequires, symbols.IrqlRequiresMax, symbols.IrqlRequiresMin };
        var lists = owner.ChildNodes().OfType<AttributeListSyntax>().ToList();
        var old = lists.SelectMany(l => l.Attributes)
            .Where(a => model.GetTypeInfo(a, cancellationToken).Type is { } type
                && irqlAttributes.Any(t => t is not null && SymbolEqualityComparer.Default.Equals(type, t)))
            .ToList();
        if (old.Count == 0)
        {
            return Task.FromResult(document);
        }

        var first = old[0];
        var emptied = new SyntaxAnnotation();
        var newOwner = owner.ReplaceNodes(lists, (original, _) =>
        {
            var attributes = new List<AttributeSyntax>();
            foreach (var attribute in original.Attributes)
            {
                if (attribute == first)
                {
                    attributes.AddRange(replacements.Select(r => r.Syntax));
                }
                else if (!old.Contains(attribute))
                {
                    attributes.Add(attribute);
                }
            }

            var separators = Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), System.Math.Max(0, attributes.Count - 1));
            var list = original.WithAttributes(SyntaxFactory.SeparatedList(attributes, separators));
            return attributes.Count == 0 ? list.WithAdditionalAnnotations(emptied) : list;
        });

        // An attribute list left empty goes, with its line.
        newOwner = newOwner.RemoveNodes(newOwner.GetAnnotatedNodes(emptied), SyntaxRemoveOptions.KeepNoTrivia) ?? newOwner;
        var root = owner.SyntaxTree.GetRoot(cancellationToken);
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(owner, newOwner)));
    }
}
