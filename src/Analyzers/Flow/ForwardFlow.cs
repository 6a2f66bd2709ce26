using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Infrastructure;

namespace NetDma.Analyzers.Flow;

/// <summary>
/// The one forward-flow driver under every NDMA flow analysis (IRQL and held levels, NTSTATUS/null/constant values,
/// must-inspect results): a worklist of (block, path, pending finally continuation) over Roslyn's
/// <see cref="ControlFlowGraph"/>, each distinct triple explored once, so the paths that reach a block are exactly the
/// distinct images of the entry path (no join loses a path; a later check can tell "on all paths" from "on some").
/// </summary>
/// <remarks>
/// The graph's shape is handled here, once, for every analysis:
/// <list type="bullet">
/// <item>branches: the analysis decides each one (<see cref="IFlowAnalysis{TPath}.Branch"/>), so an infeasible side is
/// not followed;</item>
/// <item>finally regions: a branch that leaves try blocks (a return, a break, the end of the try) runs each finally
/// region it names in order with the path it carries, then goes on to its destination; the end of a finally region
/// resumes the branch that entered it (a finally region entered by an exception is not modelled; a filter that rejects
/// its exception ends the path);</item>
/// <item>exceptions: an operation the analysis says may throw sends the path as it is before the operation to every
/// catch (and filter) handler of the try regions around it; an explicit <c>throw</c> goes to those handlers, or, outside
/// any try, catch or finally region, leaves the function (<see cref="FlowResult{TPath}.ThrowExits"/>); inside other
/// regions it ends its path;</item>
/// <item>budgets: past <see cref="AnalysisBudgets.FlowVisitsPerBlock"/> distinct paths at one block, the paths that
/// reach it are merged into one (<see cref="IFlowAnalysis{TPath}.Widen"/>; an analysis that cannot merge is stopped);
/// more than <see cref="AnalysisBudgets.PathStates"/> in the whole routine stops the run. A stopped routine is not
/// analyzed (<see cref="FlowResult{TPath}.Completed"/> is false): no verdict rests on a path left out.</item>
/// </list>
/// </remarks>
internal static class ForwardFlow
{
    /// <summary>Runs <paramref name="analysis"/> over <paramref name="graph"/>.</summary>
    public static FlowResult<TPath> Run<TPath>(ControlFlowGraph graph, IFlowAnalysis<TPath> analysis, AnalysisBudgets budgets)
        where TPath : class
    {
        var blocks = graph.Blocks;
        var atEntry = new List<TPath>?[blocks.Length];
        var perBlock = new int[blocks.Length];
        var widened = new TPath?[blocks.Length];
        var seen = new HashSet<Item<TPath>>();
        var work = new Stack<Item<TPath>>();
        var throws = new List<(int Block, TPath Path)>();
        var completed = true;

        bool Enqueue(int block, TPath path, Continuation? pending)
        {
            if (widened[block] is { } known)
            {
                // Past the block's budget every path arriving there is merged into the one that stands for them all.
                if (analysis.Widen(known, path) is not { } merged || merged.Equals(known))
                {
                    return true;
                }

                widened[block] = path = merged;
            }

            var item = new Item<TPath>(block, path, pending);
            if (!seen.Add(item))
            {
                return true;
            }

            if (seen.Count > budgets.PathStates)
            {
                return false;
            }

            if (widened[block] is null && ++perBlock[block] > budgets.FlowVisitsPerBlock)
            {
                var merged = path;
                foreach (var earlier in atEntry[block]!)
                {
                    if (analysis.Widen(merged, earlier) is not { } next)
                    {
                        return false;
                    }

                    merged = next;
                }

                widened[block] = path = merged;
                if (!seen.Add(new Item<TPath>(block, path, pending)))
                {
                    return true;
                }

                item = new Item<TPath>(block, path, pending);
            }

            var reached = atEntry[block] ??= new List<TPath>();
            if (!reached.Contains(path))
            {
                reached.Add(path);
            }

            work.Push(item);
            return true;
        }

        // Follows a path leaving a block through a branch whose finally regions (from index next on) still have to run.
        bool Continue(ControlFlowBranch branch, int next, TPath path, Continuation? outer)
        {
            if (next < branch.FinallyRegions.Length)
            {
                return Enqueue(branch.FinallyRegions[next].FirstBlockOrdinal, path, new Continuation(branch, next + 1, outer));
            }

            return branch.Destination is not { } destination || Enqueue(destination.Ordinal, path, outer);
        }

        bool ToHandlers(BasicBlock block, TPath path, Continuation? pending)
        {
            foreach (var handler in CatchHandlers(block))
            {
                if (!Enqueue(handler, path, Within(pending, handler)))
                {
                    return false;
                }
            }

            return true;
        }

        completed = Enqueue(0, analysis.Entry, null);
        while (completed && work.Count > 0)
        {
            var (ordinal, path, pending) = work.Pop();
            var block = blocks[ordinal];
            var inTry = HasCatchHandlers(block);

            // The handlers need each distinct path once: an operation that changed nothing sends nothing new.
            TPath? seeded = null;
            bool Seed(IOperation operation)
            {
                if (!inTry || ReferenceEquals(path, seeded) || !analysis.MayThrow(operation))
                {
                    return true;
                }

                seeded = path;
                return ToHandlers(block, path, pending);
            }

            foreach (var operation in block.Operations)
            {
                if (!Seed(operation))
                {
                    completed = false;
                    break;
                }

                path = analysis.Transfer(operation, path);
            }

            if (!completed)
            {
                break;
            }

            if (block.BranchValue is { } branchValue)
            {
                if (!Seed(branchValue))
                {
                    completed = false;
                    break;
                }

                path = analysis.Transfer(branchValue, path);
            }

            // The conditional successor first, then the fall-through one (no array per visited block).
            for (var side = 0; side < 2; side++)
            {
                var branch = side == 0 ? block.ConditionalSuccessor : block.FallThroughSuccessor;
                if (branch is null || analysis.Branch(block, branch, path) is not { } taken)
                {
                    continue;
                }

                if (branch.Destination is null && branch.Semantics == ControlFlowBranchSemantics.StructuredExceptionHandling)
                {
                    // The end of a finally region resumes the branch that entered it (none when an exception did); a
                    // filter that rejects the exception lets it go on, which ends the path.
                    completed = pending is null || InFilter(block) || Continue(pending.Branch, pending.Next, taken, pending.Outer);
                }
                else if (branch.Destination is null && branch.Semantics is ControlFlowBranchSemantics.Throw or ControlFlowBranchSemantics.Rethrow)
                {
                    if (inTry)
                    {
                        completed = ToHandlers(block, taken, pending);
                    }
                    else if (LeavesFunction(block))
                    {
                        throws.Add((ordinal, taken));
                    }
                }
                else
                {
                    completed = Continue(branch, 0, taken, pending);
                }

                if (!completed)
                {
                    break;
                }
            }
        }

        return new FlowResult<TPath>(
            completed,
            atEntry.Select(reached => reached is null ? ImmutableArray<TPath>.Empty : reached.ToImmutableArray()).ToImmutableArray(),
            throws.ToImmutableArray());
    }

    /// <summary>
    /// True for an operation no exception can leave: storing a constant or a local into a local, or capturing one, so
    /// that a catch handler never sees a value the following store has already replaced. Analyses without a finer
    /// notion use it for <see cref="IFlowAnalysis{TPath}.MayThrow"/>.
    /// </summary>
    public static bool CannotThrow(IOperation operation)
    {
        if (operation is IExpressionStatementOperation statement)
        {
            operation = statement.Operation;
        }

        var value = operation switch
        {
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation or IParameterReferenceOperation } assignment => assignment.Value,
            IFlowCaptureOperation capture => capture.Value,
            _ => null,
        };
        while (value is IConversionOperation { Conversion.IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value is not null && (value.ConstantValue.HasValue || value is ILocalReferenceOperation or IParameterReferenceOperation or IFlowCaptureReferenceOperation);
    }

    /// <summary>The first blocks of the catch and filter handlers of every try region around <paramref name="block"/>, innermost first.</summary>
    private static IEnumerable<int> CatchHandlers(BasicBlock block)
    {
        for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
        {
            if (region.Kind == ControlFlowRegionKind.Try && region.EnclosingRegion is { Kind: ControlFlowRegionKind.TryAndCatch } tryAndCatch)
            {
                foreach (var handler in tryAndCatch.NestedRegions)
                {
                    if (handler.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.FilterAndHandler)
                    {
                        yield return handler.FirstBlockOrdinal;
                    }
                }
            }
        }
    }

    private static bool HasCatchHandlers(BasicBlock block)
    {
        for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
        {
            if (region.Kind == ControlFlowRegionKind.Try && region.EnclosingRegion is { Kind: ControlFlowRegionKind.TryAndCatch })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the innermost finally or filter region around <paramref name="block"/> is a filter.</summary>
    private static bool InFilter(BasicBlock block)
    {
        for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
        {
            if (region.Kind is ControlFlowRegionKind.Filter or ControlFlowRegionKind.Finally)
            {
                return region.Kind == ControlFlowRegionKind.Filter;
            }
        }

        return false;
    }

    /// <summary>A throw from this block leaves the function: no try, catch, filter or finally region encloses it.</summary>
    private static bool LeavesFunction(BasicBlock block)
    {
        for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
        {
            if (region.Kind is ControlFlowRegionKind.Try or ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter
                or ControlFlowRegionKind.FilterAndHandler or ControlFlowRegionKind.Finally or ControlFlowRegionKind.TryAndCatch or ControlFlowRegionKind.TryAndFinally)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The pending continuations that still apply in a handler starting at <paramref name="handler"/>: an exception
    /// thrown out of a finally region abandons the branch that was running it, unless the handler is inside that region.
    /// </summary>
    private static Continuation? Within(Continuation? pending, int handler)
    {
        while (pending is not null)
        {
            var running = pending.Branch.FinallyRegions[pending.Next - 1];
            if (handler >= running.FirstBlockOrdinal && handler <= running.LastBlockOrdinal)
            {
                return pending;
            }

            pending = pending.Outer;
        }

        return null;
    }

    /// <summary>One unit of work: a block, the path entering it and the finally continuation it runs under.</summary>
    private readonly record struct Item<TPath>(int Block, TPath Path, Continuation? Pending);

    /// <summary>
    /// A branch that is running its finally regions: the one at <see cref="Next"/> runs when the current one ends, then
    /// the branch's destination; <see cref="Outer"/> is the continuation the branch itself was taken under.
    /// </summary>
    private sealed record Continuation(ControlFlowBranch Branch, int Next, Continuation? Outer);
}
