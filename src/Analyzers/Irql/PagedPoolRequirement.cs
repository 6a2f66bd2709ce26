using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Contracts;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// NDMA1003's sites: a call that passes <c>PoolType.PagedPool</c> as a constant (ExAllocatePool2), and
/// <c>IWdmKernel.ExFreePool</c> of a block the same function allocated from paged pool into a local or field. Paged pool
/// is allocated, touched and freed only at IRQL &lt;= APC_LEVEL (managing-hardware-priorities.md, PoolType.PagedPool).
/// A block allocated in one method and freed in another is left to the conformance kit's run-time check.
/// </summary>
internal sealed class PagedPoolRequirement : IrqlRequirementRule
{
    /// <summary>The highest level for paged pool.</summary>
    public const byte PagedCeiling = IrqlRange.Apc;

    private const string PoolTypeNamespace = "NetDma.Contracts.Kernel";
    private const string PoolTypeName = "PoolType";
    private const string PagedPoolMember = "PagedPool";
    private const string FreeRoutine = "ExFreePool";

    public PagedPoolRequirement(DiagnosticDescriptor descriptor) => Descriptor = descriptor;

    public override DiagnosticDescriptor Descriptor { get; }

    public override IEnumerable<IrqlSite> SitesOf(IrqlFunction function, IrqlCallEffects effects)
    {
        var ceiling = new IrqlRange(IrqlRange.Passive, PagedCeiling);
        var flow = function.Flow;
        HashSet<ISymbol>? pagedBlocks = null;
        foreach (var observation in flow.Observations)
        {
            if (observation.Operation is not IInvocationOperation invocation)
            {
                continue;
            }

            string? subject = null;
            if (IsPagedAllocation(invocation))
            {
                subject = $"{effects.NameOf(invocation.TargetMethod)} with PoolType.PagedPool";
            }
            else if (IsKernelFree(invocation, effects.Symbols) && invocation.Arguments.Length == 1)
            {
                pagedBlocks ??= PagedBlocks(flow);
                if (Symbol(flow.Unwrap(invocation.Arguments[0].Value)) is { } block && pagedBlocks.Contains(block))
                {
                    subject = $"{FreeRoutine} of a PoolType.PagedPool block";
                }
            }

            if (subject is not null)
            {
                yield return new IrqlSite(invocation.Syntax.GetLocation(), subject, effects.NameOf(invocation.TargetMethod),
                    IrqlLevels.FromRange(ceiling), ceiling.DescribeRequirement(), observation.Before, ImmutableDictionary<string, string?>.Empty);
            }
        }
    }

    /// <summary>True when a PoolType argument of <paramref name="invocation"/> is the constant PagedPool.</summary>
    private static bool IsPagedAllocation(IInvocationOperation invocation) =>
        invocation.Arguments.Any(a => a.Parameter?.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } type
            && type.Name == PoolTypeName
            && type.ContainingNamespace?.ToDisplayString() == PoolTypeNamespace
            && a.Value.ConstantValue.HasValue
            && type.GetMembers(PagedPoolMember).OfType<IFieldSymbol>().FirstOrDefault() is { HasConstantValue: true } paged
            && Equals(paged.ConstantValue, a.Value.ConstantValue.Value));

    private static bool IsKernelFree(IInvocationOperation invocation, ContractSymbols symbols)
    {
        var method = invocation.TargetMethod;
        return method.Name == FreeRoutine && symbols.IWdmKernel is { } kernel
            && (SymbolEqualityComparer.Default.Equals(method.ContainingType, kernel)
                || method.ContainingType.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, kernel)));
    }

    /// <summary>Locals and fields the function assigns a paged allocation to (anywhere in it).</summary>
    private static HashSet<ISymbol> PagedBlocks(IrqlFlowAnalysis flow)
    {
        var blocks = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var block in flow.Graph.Blocks)
        {
            foreach (var operation in block.Operations.SelectMany(o => o.DescendantsAndSelf()))
            {
                if (operation is ISimpleAssignmentOperation assignment
                    && flow.Unwrap(assignment.Value) is IInvocationOperation allocation
                    && IsPagedAllocation(allocation)
                    && Symbol(flow.Unwrap(assignment.Target)) is { } target)
                {
                    blocks.Add(target);
                }
            }
        }

        return blocks;
    }

    private static ISymbol? Symbol(IOperation? operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };
}
