using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Contracts;
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
public sealed class ContractIrqlAnalyzer : DiagnosticAnalyzer
{
    private const string Page = "irql-annotations-for-drivers.md";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleIdentifiers.ImplementationKeepsContractIrql,
        "Claim no weaker IRQL requirement than the implemented contract",
        "{0} declares {1}, weaker than the {2} of {3} it implements ({4})",
        RuleDescriptors.IrqlCategory,
        "A routine implementing a contract (an INetDmaProvider handler, a callback typedef) claims no weaker IRQL "
        + "requirement than the contract states: it must accept every level its caller may call it at "
        + "(irql-annotations-for-drivers.md).");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (ContractSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            var reader = new ContractReader(symbols);
            var reported = new ConcurrentDictionary<(ISymbol, string), byte>();
            start.RegisterSymbolAction(symbol => CheckMethod(symbol, reader, reported), SymbolKind.Method);
            start.RegisterOperationAction(operation => CheckConversion(operation, reader, reported), OperationKind.DelegateCreation);
        });
    }

    private static void CheckMethod(SymbolAnalysisContext context, ContractReader reader, ConcurrentDictionary<(ISymbol, string), byte> reported)
    {
        if (context.Symbol is not IMethodSymbol method)
        {
            return;
        }

        foreach (var implemented in ImplementedContracts(method, reader))
        {
            Check(context.ReportDiagnostic, method, implemented, reader, reported);
        }
    }

    private static void CheckConversion(OperationAnalysisContext context, ContractReader reader, ConcurrentDictionary<(ISymbol, string), byte> reported)
    {
        var creation = (IDelegateCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol { TypeKind: TypeKind.Delegate } delegateType || reader.Read(delegateType) is not { Irql: not null } contract)
        {
            return;
        }

        var target = creation.Target switch
        {
            IMethodReferenceOperation reference => reference.Method.OriginalDefinition,
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            _ => null,
        };
        if (target is not null)
        {
            Check(context.ReportDiagnostic, target, contract, reader, reported);
        }
    }

    /// <summary>The contracts <paramref name="method"/> implements, not counting its own attributes.</summary>
    private static IEnumerable<MethodContract> ImplementedContracts(IMethodSymbol method, ContractReader reader)
    {
        if (ContractReader.Find(method, reader.Symbols.ContractOf) is { ConstructorArguments.Length: 1 } contractOf
            && contractOf.ConstructorArguments[0].Value is INamedTypeSymbol callback
            && reader.Read(callback) is { } fromCallback)
        {
            yield return fromCallback;
        }

        if (method.OverriddenMethod is { } overridden && reader.Read(overridden) is { } fromOverridden)
        {
            yield return fromOverridden;
        }

        foreach (var member in ContractReader.ImplementedInterfaceMembers(method))
        {
            if (reader.Read(member) is { } fromInterface)
            {
                yield return fromInterface;
            }
        }
    }

    private static void Check(
        System.Action<Diagnostic> report, IMethodSymbol implementation, MethodContract contract, ContractReader reader,
        ConcurrentDictionary<(ISymbol, string), byte> reported)
    {
        if (contract.Irql is not { } required || reader.ReadDeclared(implementation) is not { Irql: { } declared }
            || declared.Contains(required) || IrqlAttribute(implementation, reader.Symbols) is not { } attribute
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
