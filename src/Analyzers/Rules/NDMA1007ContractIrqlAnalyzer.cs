using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Contracts;
using NetDma.Analyzers.Infrastructure;
using NetDma.Analyzers.Irql;

namespace NetDma.Analyzers.Rules;

/// <summary>
/// NDMA1007: an implementation whose own IRQL attributes (<see cref="ContractReader.ReadDeclared"/>) accept fewer
/// levels than the contract it implements is called at: an INetDmaProvider handler, an override or interface
/// implementation, a method with <c>[ContractOf]</c>, or a method group or lambda converted to a contract delegate
/// (a DPC routine declared <c>[IrqlRequires(PASSIVE_LEVEL)]</c>). An implementation without IRQL attributes inherits
/// the contract and is fine. Source: irql-annotations-for-drivers.md.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NDMA1007ContractIrqlAnalyzer : DiagnosticAnalyzer
{
    private const string Page = "irql-annotations-for-drivers.md";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleSource.Ids.ImplementationKeepsContractIrql,
        "{0} declares {1}, weaker than the {2} of {3} it implements ({4})",
        RuleDescriptors.IrqlCategory,
        "The implementation must accept every level its caller may call it at.");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (CompilationAnalysis.Of(start.Compilation, start.Options) is not { Symbols: var symbols } analysis)
            {
                return;
            }

            var reader = analysis.Reader;
            var reported = new ConcurrentDictionary<(ISymbol, string), byte>();
            start.RegisterSymbolAction(symbol => CheckMethod(symbol, analysis.Routines, reported), SymbolKind.Method);

            // A method group of the type's own method is reported at that method's attribute once the whole type has
            // been seen (a symbol-end action keeps the diagnostic local to the type, so the code fix applies); a
            // method group of another type's method is reported where it is converted.
            start.RegisterSymbolStartAction(typeStart =>
            {
                var type = (INamedTypeSymbol)typeStart.Symbol;
                var conversions = new ConcurrentQueue<(IMethodSymbol Method, MethodContract Contract)>();
                typeStart.RegisterOperationAction(operation => CheckConversion(operation, type, analysis.Routines, reported, conversions), OperationKind.DelegateCreation);
                typeStart.RegisterSymbolEndAction(end =>
                {
                    foreach (var (method, contract) in conversions)
                    {
                        Check(end.ReportDiagnostic, method, contract, reader, reported, location: null);
                    }
                });
            }, SymbolKind.NamedType);
        });
    }

    private static void CheckMethod(SymbolAnalysisContext context, RoutineContracts routines, ConcurrentDictionary<(ISymbol, string), byte> reported)
    {
        if (context.Symbol is not IMethodSymbol method)
        {
            return;
        }

        foreach (var implemented in routines.Implemented(method))
        {
            Check(context.ReportDiagnostic, method, implemented, routines.Reader, reported, location: null);
        }
    }

    private static void CheckConversion(
        OperationAnalysisContext context, INamedTypeSymbol type, RoutineContracts routines, ConcurrentDictionary<(ISymbol, string), byte> reported,
        ConcurrentQueue<(IMethodSymbol, MethodContract)> conversions)
    {
        var creation = (IDelegateCreationOperation)context.Operation;
        if (routines.OfDelegate(creation.Type) is not { Irql: not null } contract)
        {
            return;
        }

        switch (creation.Target)
        {
            case IAnonymousFunctionOperation lambda:
                Check(context.ReportDiagnostic, lambda.Symbol, contract, routines.Reader, reported, location: null);
                break;
            case IMethodReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Method.ContainingType?.OriginalDefinition, type):
                conversions.Enqueue((reference.Method.OriginalDefinition, contract));
                break;
            case IMethodReferenceOperation reference:
                Check(context.ReportDiagnostic, reference.Method.OriginalDefinition, contract, routines.Reader, reported, reference.Syntax.GetLocation());
                break;
        }
    }

    /// <summary>Reports <paramref name="implementation"/> when its own IRQL is weaker than <paramref name="contract"/>'s, at its attribute unless <paramref name="location"/> is given.</summary>
    private static void Check(
        System.Action<Diagnostic> report, IMethodSymbol implementation, MethodContract contract, ContractReader reader,
        ConcurrentDictionary<(ISymbol, string), byte> reported, Location? location)
    {
        if (contract.Irql is not { } required || reader.ReadDeclared(implementation) is not { Irql: { } declared }
            || declared.Contains(required) || (location ?? IrqlAttribute(implementation, reader.Symbols)) is not { } attribute
            || !reported.TryAdd((implementation, contract.Role), 0))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(IrqlDiagnosticProperties.ContractMin, required.Min.ToString(CultureInfo.InvariantCulture))
            .Add(IrqlDiagnosticProperties.ContractMax, required.Max.ToString(CultureInfo.InvariantCulture));
        var name = implementation.MethodKind == MethodKind.AnonymousFunction ? "lambda" : implementation.Name;
        report(Diagnostic.Create(Rule, attribute, properties,
            name, declared.DescribeRequirement(), required.DescribeRequirement(), contract.Role, contract.Page ?? Page));
    }

    /// <summary>Where the implementation's first IRQL requirement attribute is written, or null when it is not in source.</summary>
    private static Location? IrqlAttribute(IMethodSymbol method, ContractSymbols symbols)
    {
        var types = new[] { symbols.IrqlRequires, symbols.IrqlRequiresMax, symbols.IrqlRequiresMin };
        return method.GetAttributes()
            .Where(a => types.Any(t => t is not null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, t)))
            .Select(a => a.ApplicationSyntaxReference)
            .Where(r => r is not null)
            .Select(r => r!.SyntaxTree.GetLocation(r.Span))
            .OrderBy(l => l.SourceSpan.Start)
            .FirstOrDefault();
    }
}
