using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace NetDma.Analyzers.Flow;

/// <summary>
/// One analysis run by <see cref="ForwardFlow"/>: what a path knows (<typeparamref name="TPath"/>, immutable, compared
/// with <see cref="System.IEquatable{T}"/>), how one operation changes it, and which branches it can take. The driver
/// owns everything about the graph's shape (successors, finally regions, catch handlers, throws, budgets), so an analysis
/// is its state and its transfer only (the roslyn-analyzers DataFlow split between the driver and the operation visitor).
/// </summary>
/// <typeparam name="TPath">What one path knows; equal paths at a block are explored once.</typeparam>
internal interface IFlowAnalysis<TPath>
    where TPath : class
{
    /// <summary>The path at the routine's entry.</summary>
    TPath Entry { get; }

    /// <summary>The path after <paramref name="operation"/>, a statement of a block or its branch value, with its operands.</summary>
    TPath Transfer(IOperation operation, TPath path);

    /// <summary>
    /// Whether an exception can leave <paramref name="operation"/>: in a try block, every catch handler of the enclosing
    /// try regions then starts with the path as it is before the operation.
    /// </summary>
    bool MayThrow(IOperation operation);

    /// <summary>
    /// The path as it leaves <paramref name="source"/> through <paramref name="branch"/> (after the block's operations
    /// and branch value, before any finally region the branch runs), or null when the path cannot take the branch (its
    /// condition is decided the other way, or the analysis has nothing left to learn on it).
    /// </summary>
    TPath? Branch(BasicBlock source, ControlFlowBranch branch, TPath path);

    /// <summary>
    /// One path standing for both, used when more distinct paths reach one block than the driver follows there; null
    /// when the analysis cannot merge paths soundly (the routine is then not analyzed).
    /// </summary>
    TPath? Widen(TPath left, TPath right);
}
