using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetDma.Analyzers.Flow;

/// <summary>
/// The must-inspect analysis of one stored result (NDMA2004), on <see cref="ForwardFlow"/>: a path is before the
/// store, holding the uninspected result, or done with it (read, overwritten); done paths are not followed further.
/// Any operation may throw, so a catch handler sees the result from every statement of its try block.
/// </summary>
internal sealed class StoredResultAnalysis(IOperation statement, ILocalSymbol result, ImmutableArray<ILocalSymbol> outputs) : IFlowAnalysis<object>
{
    private static readonly object Before = new();
    private static readonly object Holding = new();
    private static readonly object Done = new();

    /// <summary>Some path reaches the store.</summary>
    public bool Reached { get; private set; }

    /// <summary>Some path reads the result.</summary>
    public bool Inspected { get; private set; }

    /// <summary>Out locals read while a path still holds the uninspected result.</summary>
    public List<ILocalReferenceOperation> OutputUses { get; } = new();

    public object Entry => Before;

    public object Transfer(IOperation operation, object path)
    {
        if (path == Holding)
        {
            var references = operation.DescendantsAndSelf().OfType<ILocalReferenceOperation>().ToList();
            if (references.Any(r => IsRead(r) && SymbolEqualityComparer.Default.Equals(r.Local, result)))
            {
                Inspected = true;
                path = Done;
            }
            else if (references.FirstOrDefault(r => IsRead(r) && outputs.Contains(r.Local, SymbolEqualityComparer.Default)) is { } use)
            {
                OutputUses.Add(use);
            }
            else if (references.Any(r => SymbolEqualityComparer.Default.Equals(r.Local, result)))
            {
                path = Done;
            }
        }

        if (ReferenceEquals(operation, statement))
        {
            Reached = true;
            return Holding;
        }

        return path;
    }

    public bool MayThrow(IOperation operation) => true;

    /// <summary>Before, holding and done are not merged: past the block budget the result is not checked.</summary>
    public object? Widen(object left, object right) => null;

    public object? Branch(BasicBlock source, ControlFlowBranch branch, object path) => path == Done ? null : path;

    /// <summary>A reference that reads the local: not the target of a plain assignment, not an out argument, not a declaration.</summary>
    private static bool IsRead(ILocalReferenceOperation reference) => reference.Parent switch
    {
        ISimpleAssignmentOperation assignment => !ReferenceEquals(assignment.Target, reference),
        IArgumentOperation argument => argument.Parameter?.RefKind != RefKind.Out,
        IDeclarationExpressionOperation => false,
        _ => !reference.IsDeclaration,
    };
}
