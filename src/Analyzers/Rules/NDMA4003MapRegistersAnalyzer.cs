using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Calls;
using NetDma.Analyzers.Contracts;
using NetDma.Analyzers.Infrastructure;
using NetDma.Analyzers.Protocol;

namespace NetDma.Analyzers.Rules;

/// <summary>
/// NDMA4003: in one routine, IoGetDmaAdapter is called with a DEVICE_DESCRIPTION whose MaximumLength is a constant,
/// and a later AllocateAdapterChannel (or AllocateAdapterChannelEx) asks for a constant NumberOfMapRegisters above
/// ceil(MaximumLength / 4096) + 1, the most IoGetDmaAdapter can grant (<see cref="MapRegisterModel"/>). Known value
/// against known value only (constants, arithmetic over them and locals that hold one value, <see cref="Flow.RoutineConstants"/>):
/// when the routine compares the returned maximum or passes it on (a guard), when the description may change behind
/// the analysis' back, or when either number is not known, nothing is reported.
/// Source: nf-wdm-iogetdmaadapter.md, nc-wdm-pallocate_adapter_channel.md.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NDMA4003MapRegistersAnalyzer : DiagnosticAnalyzer
{
    private const string MaximumLength = "MaximumLength";
    private const string NumberOfMapRegisters = "NumberOfMapRegisters";
    private const string DeviceDescriptionParameter = "DeviceDescription";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleSource.Ids.MapRegistersWithinMax,
        "{0} asks for {1} map registers, more than IoGetDmaAdapter can return for DEVICE_DESCRIPTION.MaximumLength = {2} bytes (at most ceil({2} / 4096) + 1 = {3}); it fails with STATUS_INSUFFICIENT_RESOURCES and AdapterControl never runs (nf-wdm-iogetdmaadapter.md, {4})",
        RuleDescriptors.ProtocolCategory,
        "IoGetDmaAdapter returns the most map registers one AllocateAdapterChannel may ask for, and it never grants more than a transfer of DEVICE_DESCRIPTION.MaximumLength bytes needs; a larger NumberOfMapRegisters fails (Driver Verifier DMA checking and the kit's run-time check NDMA4003 report the same). Source: nf-wdm-iogetdmaadapter.md.");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (CompilationAnalysis.Of(start.Compilation, start.Options) is not { Symbols: { DeviceDescription: { } description } symbols } analysis)
            {
                return;
            }

            var reader = analysis.Reader;
            start.RegisterOperationBlockAction(block =>
            {
                var routines = new Dictionary<IMethodSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
                foreach (var root in block.OperationBlocks)
                {
                    RoutineWalker.Walk(root, block.OwningSymbol as IMethodSymbol, (operation, routine) =>
                    {
                        if (routine is not null)
                        {
                            (routines.TryGetValue(routine, out var list) ? list : routines[routine] = new List<IOperation>()).Add(operation);
                        }
                    });
                }

                var captured = CapturedLocals(routines);
                foreach (var operations in routines.Values)
                {
                    Analyze(operations, captured, reader, description, block.ReportDiagnostic);
                }
            });
        });
    }

    /// <summary>Locals referenced from a routine other than the one declaring them (lambdas, local functions): their values are not followed.</summary>
    private static HashSet<ILocalSymbol> CapturedLocals(Dictionary<IMethodSymbol, List<IOperation>> routines)
    {
        var captured = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (var routine in routines)
        {
            foreach (var reference in routine.Value.OfType<ILocalReferenceOperation>())
            {
                if (!SymbolEqualityComparer.Default.Equals(reference.Local.ContainingSymbol, routine.Key))
                {
                    captured.Add(reference.Local);
                }
            }
        }

        return captured;
    }

    private static void Analyze(List<IOperation> operations, HashSet<ILocalSymbol> captured, ContractReader reader, INamedTypeSymbol description, Action<Diagnostic> report)
    {
        var calls = operations.OfType<IInvocationOperation>().Select(call => (Call: call, Contract: reader.Read(call.TargetMethod))).Where(c => c.Contract is not null).ToList();
        var constants = new Flow.RoutineConstants(operations, captured);
        foreach (var (adapterCall, _) in calls.Where(c => c.Contract!.Name == DdiNames.IoGetDmaAdapter))
        {
            if (Argument(adapterCall, DeviceDescriptionParameter) is not { } descriptionArgument
                || MaximumLengthOf(descriptionArgument, adapterCall, operations, captured, description, constants) is not { } maximumLength
                || (Argument(adapterCall, NumberOfMapRegisters) is ILocalReferenceOperation { Local: var maximum } && (captured.Contains(maximum) || IsGuarded(maximum, adapterCall, operations))))
            {
                continue;
            }

            var grant = MapRegisterModel.MaximumFor(maximumLength);
            foreach (var (channelCall, contract) in calls.Where(c => DdiNames.IsAllocateAdapterChannel(c.Contract!.Name) && c.Call.Syntax.SpanStart > adapterCall.Syntax.SpanStart))
            {
                if (Argument(channelCall, NumberOfMapRegisters) is { } requested && constants.ValueOf(requested) is { } count && count > grant)
                {
                    report(Diagnostic.Create(Rule, requested.Syntax.GetLocation(), contract!.Role, count, maximumLength, grant, contract.Page ?? contract.Name));
                }
            }
        }
    }

    /// <summary>The value passed for parameter <paramref name="name"/> (out declarations unwrapped), or null.</summary>
    private static IOperation? Argument(IInvocationOperation call, string name)
    {
        var value = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == name)?.Value;
        return value is IDeclarationExpressionOperation declaration ? declaration.Expression : value;
    }

    /// <summary>
    /// The constant MaximumLength of the description passed to IoGetDmaAdapter: set in an object initializer, or on a
    /// local created in this routine and never aliased or passed elsewhere, with one constant value throughout.
    /// </summary>
    private static ulong? MaximumLengthOf(
        IOperation argument, IInvocationOperation adapterCall, List<IOperation> operations, HashSet<ILocalSymbol> captured, INamedTypeSymbol description, Flow.RoutineConstants constants)
    {
        while (argument is IConversionOperation conversion)
        {
            argument = conversion.Operand;
        }

        var values = new List<IOperation>();
        switch (argument)
        {
            case IObjectCreationOperation creation:
                values.AddRange(InitializerValues(creation));
                break;

            case ILocalReferenceOperation { Local: var local } when !captured.Contains(local):
                var references = operations.OfType<ILocalReferenceOperation>().Where(r => SymbolEqualityComparer.Default.Equals(r.Local, local)).ToList();
                var creations = operations.OfType<IVariableDeclaratorOperation>().Where(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local))
                    .Select(d => d.Initializer?.Value).ToList();
                if (creations.Count != 1 || Strip(creations[0]) is not IObjectCreationOperation created)
                {
                    return null;
                }

                values.AddRange(InitializerValues(created));
                foreach (var reference in references)
                {
                    switch (reference.Parent)
                    {
                        case IPropertyReferenceOperation { Property.Name: MaximumLength } property when property.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, property):
                            values.Add(assignment.Value);
                            break;
                        case IPropertyReferenceOperation { Property.Name: MaximumLength } property when property.Parent is ICompoundAssignmentOperation or IIncrementOrDecrementOperation:
                            return null;
                        case IMemberReferenceOperation:
                            break;
                        case IArgumentOperation argumentOperation when ReferenceEquals(argumentOperation.Parent, adapterCall):
                            break;
                        default:
                            return null;
                    }
                }

                break;

            default:
                return null;
        }

        if (!SymbolEqualityComparer.Default.Equals(Strip(argument)?.Type, description) || values.Count == 0)
        {
            return null;
        }

        var lengths = values.Select(constants.ValueOf).ToList();
        return lengths.All(c => c is not null) && lengths.Distinct().Count() == 1 ? lengths[0] : null;
    }

    private static IOperation? Strip(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static IEnumerable<IOperation> InitializerValues(IObjectCreationOperation creation) =>
        creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
            .Where(a => a.Target is IPropertyReferenceOperation { Property.Name: MaximumLength })
            .Select(a => a.Value) ?? Enumerable.Empty<IOperation>();

    /// <summary>The routine compares the returned maximum, or hands it to a call (Math.Min ...): it may guard the request.</summary>
    private static bool IsGuarded(ILocalSymbol maximum, IInvocationOperation adapterCall, List<IOperation> operations) =>
        operations.OfType<ILocalReferenceOperation>()
            .Where(r => SymbolEqualityComparer.Default.Equals(r.Local, maximum))
            .Any(r =>
            {
                IOperation node = r;
                while (node.Parent is IConversionOperation conversion)
                {
                    node = conversion;
                }

                return node.Parent is IBinaryOperation or IIsPatternOperation or ISwitchOperation or ISwitchExpressionOperation
                    || node.Parent is IArgumentOperation { Parent: var call } && !ReferenceEquals(call, adapterCall);
            });
}
