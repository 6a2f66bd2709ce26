using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Contracts;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// A forward dataflow over one function's control-flow graph (CA1416's shape): the state is the set of path classes
/// (<see cref="IrqlFlowState"/>), the join is their union, and calls change it as their attributes say
/// (<see cref="IrqlCallEffects"/>): a raise sets the current level, an <c>[IrqlSaves]</c> out argument stores the
/// level before the raise in its local or field, an <c>[IrqlRestores]</c> argument makes the stored level current
/// again. The entry level stays symbolic (<see cref="IrqlValue.Entry"/>), so one run serves the function's own contract,
/// each contract delegate it is converted to and each caller's level.
/// </summary>
/// <remarks>
/// Branches on a <c>bool</c> local, parameter or field (or its negation) are correlated: a path that took
/// <c>if (locked)</c> one way takes a later <c>if (locked)</c> the same way, until the boolean is assigned (a
/// constant assignment makes its value known) or, for a field or a boolean a nested function may capture, until a call
/// that is not a kernel IRQL primitive (such a call may change it). Other branch conditions are not evaluated.
/// Approximations, on purpose: exceptions thrown by calls are not followed (a catch handler starts with every state of its
/// try block; a finally block is entered from the normal exits of its try block only); an explicit <c>throw</c> outside
/// any try, catch or finally block is an exit of the function (<see cref="ThrowExits"/>), one inside them ends its
/// path; loops are iterated to a fixed point with at most <see cref="IrqlFlowState.MaxPaths"/> path classes per point.
/// </remarks>
internal sealed class IrqlFlowAnalysis
{
    private readonly ControlFlowGraph _graph;
    private readonly IrqlCallEffects _effects;
    private readonly INamedTypeSymbol? _irqlType;
    private readonly Dictionary<ISymbol, int> _slots = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, int> _conditions = new(SymbolEqualityComparer.Default);
    private readonly List<int> _volatileConditions = new();
    private readonly Dictionary<CaptureId, IOperation> _captures = new();
    private readonly IrqlFlowState?[] _finallyStates;
    private readonly SortedDictionary<int, IrqlFlowState> _throwStates = new();
    private readonly List<IrqlObservation> _observations = new();

    private IrqlFlowAnalysis(ControlFlowGraph graph, IrqlCallEffects effects)
    {
        _graph = graph;
        _effects = effects;
        _irqlType = effects.Symbols.Irql;
        _finallyStates = new IrqlFlowState?[graph.Blocks.Length];
    }

    public ControlFlowGraph Graph => _graph;

    public IrqlCallEffects Effects => _effects;

    /// <summary>Invocations, awaits, property references, delegate creations and anonymous functions with their states.</summary>
    public ImmutableArray<IrqlObservation> Observations { get; private set; }

    /// <summary>The state at the function's exit (normal returns only).</summary>
    public IrqlFlowState ExitState { get; private set; } = IrqlFlowState.Unreachable;

    /// <summary>
    /// Each explicit <c>throw</c> that leaves the function (outside any try, catch or finally block), at the throw,
    /// with the state it leaves in, in source order.
    /// </summary>
    public ImmutableArray<(Location Location, IrqlFlowState State)> ThrowExits { get; private set; } = ImmutableArray<(Location, IrqlFlowState)>.Empty;

    /// <summary>Analyzes <paramref name="graph"/>.</summary>
    public static IrqlFlowAnalysis Run(ControlFlowGraph graph, IrqlCallEffects effects)
    {
        var analysis = new IrqlFlowAnalysis(graph, effects);
        analysis.Solve();
        return analysis;
    }

    /// <summary>The IRQL slot (an <c>Irql</c> local or field) <paramref name="value"/> reads, or null.</summary>
    public int? SlotOf(IOperation? value)
    {
        var symbol = SymbolOf(Unwrap(value));
        return symbol is not null && _slots.TryGetValue(symbol, out var slot) ? slot : null;
    }

    /// <summary>The operand under conversions, parentheses-free declarations and flow captures.</summary>
    public IOperation? Unwrap(IOperation? value)
    {
        for (var depth = 0; value is not null && depth < 16; depth++)
        {
            switch (value)
            {
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    break;
                case IDeclarationExpressionOperation declaration:
                    value = declaration.Expression;
                    break;
                case IFlowCaptureReferenceOperation reference when _captures.TryGetValue(reference.Id, out var captured):
                    value = captured;
                    break;
                default:
                    return value;
            }
        }

        return value;
    }

    private static ISymbol? SymbolOf(IOperation? operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation { Field.IsConst: false } field => field.Field,
        _ => null,
    };

    private void Solve()
    {
        CollectSlots();
        var blocks = _graph.Blocks;
        var states = new IrqlFlowState?[blocks.Length];
        states[0] = IrqlFlowState.Of(IrqlPath.AtEntry(_slots.Count, _conditions.Count));
        SolveRegion(states, 0, blocks.Length - 1);
        ExitState = states[blocks.Length - 1] ?? IrqlFlowState.Unreachable;
        ThrowExits = _throwStates.Select(t => (ThrowLocation(blocks[t.Key]), t.Value)).ToImmutableArray();

        // One recording pass over the fixed point: each block once, with the state that reaches it.
        _captures.Clear();
        for (var ordinal = 0; ordinal < blocks.Length; ordinal++)
        {
            var state = states[ordinal] ?? _finallyStates[ordinal];
            if (state is not null && !state.IsUnreachable)
            {
                Transfer(blocks[ordinal], state, record: true);
            }
        }

        Observations = _observations.ToImmutableArray();
    }

    private void CollectSlots()
    {
        CollectConditions();
        if (_irqlType is null)
        {
            return;
        }

        foreach (var block in _graph.Blocks)
        {
            foreach (var root in RootsOf(block))
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (SymbolOf(operation) is { } symbol
                        && SymbolEqualityComparer.Default.Equals(operation.Type, _irqlType)
                        && !_slots.ContainsKey(symbol))
                    {
                        _slots.Add(symbol, _slots.Count);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The booleans branches test, each with a condition slot. One written any other way than by a simple assignment
    /// (ref or out argument, compound or deconstruction assignment) gets none: its value is never known. A field, or a
    /// local or parameter when the function has nested functions that may capture it, is volatile: any call that is not
    /// a kernel IRQL primitive forgets its value.
    /// </summary>
    private void CollectConditions()
    {
        var candidates = new List<ISymbol>();
        var excluded = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var hasNestedFunctions = false;
        foreach (var block in _graph.Blocks)
        {
            if (block.ConditionKind != ControlFlowConditionKind.None && ConditionSymbol(block.BranchValue, out _) is { } tested)
            {
                candidates.Add(tested);
            }

            foreach (var root in RootsOf(block))
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    hasNestedFunctions |= operation is IFlowAnonymousFunctionOperation or ILocalFunctionOperation;
                    if (BooleanSymbol(operation) is { } symbol && !IsReadOrSimplyAssigned(operation))
                    {
                        excluded.Add(symbol);
                    }
                }
            }
        }

        foreach (var symbol in candidates)
        {
            if (!excluded.Contains(symbol) && !_conditions.ContainsKey(symbol))
            {
                _conditions.Add(symbol, _conditions.Count);
                if (symbol is IFieldSymbol || hasNestedFunctions)
                {
                    _volatileConditions.Add(_conditions[symbol]);
                }
            }
        }
    }

    /// <summary>The boolean a branch value tests, through conversions and <c>!</c>; <paramref name="negated"/> when inverted.</summary>
    private ISymbol? ConditionSymbol(IOperation? branchValue, out bool negated)
    {
        negated = false;
        var value = WithoutConversions(branchValue);
        while (value is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            negated = !negated;
            value = WithoutConversions(not.Operand);
        }

        return BooleanSymbol(value);
    }

    /// <summary>
    /// The operand under conversions, not through flow captures: a capture (the result of &amp;&amp;, || or ?:) holds
    /// a different value on each path, and the capture table keeps only the last one seen.
    /// </summary>
    private static IOperation? WithoutConversions(IOperation? value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    private static ISymbol? BooleanSymbol(IOperation? operation)
    {
        ISymbol? symbol = operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation { Parameter.RefKind: RefKind.None } parameter => parameter.Parameter,
            IFieldReferenceOperation { Field.IsConst: false } field => field.Field,
            _ => null,
        };
        return symbol is not null && operation!.Type?.SpecialType == SpecialType.System_Boolean ? symbol : null;
    }

    private static bool IsReadOrSimplyAssigned(IOperation reference) => reference.Parent switch
    {
        IArgumentOperation argument => argument.Parameter?.RefKind is null or RefKind.None or RefKind.In,
        ICompoundAssignmentOperation compound => compound.Target != reference,
        ICoalesceAssignmentOperation coalesce => coalesce.Target != reference,
        IDeconstructionAssignmentOperation or ITupleOperation => false,
        _ => true,
    };

    /// <summary>Keeps the paths consistent with the branch taken and records the boolean's value on them.</summary>
    private IrqlFlowState Assume(BasicBlock block, ControlFlowBranch branch, IrqlFlowState state)
    {
        if (block.ConditionKind == ControlFlowConditionKind.None || state.IsUnreachable
            || ConditionSymbol(block.BranchValue, out var negated) is not { } symbol || !_conditions.TryGetValue(symbol, out var slot))
        {
            return state;
        }

        // The conditional successor is taken when the branch value is what ConditionKind names (WhenTrue or WhenFalse).
        var branchValue = (block.ConditionKind == ControlFlowConditionKind.WhenTrue) == (branch == block.ConditionalSuccessor);
        var value = branchValue != negated;
        return IrqlFlowState.Of(state.Paths.Where(p => p.Conditions[slot] != !value).Select(p => p.WithCondition(slot, value)));
    }

    private static IEnumerable<IOperation> RootsOf(BasicBlock block)
    {
        foreach (var operation in block.Operations)
        {
            yield return operation;
        }

        if (block.BranchValue is { } branchValue)
        {
            yield return branchValue;
        }
    }

    /// <summary>Iterates blocks <paramref name="first"/>..<paramref name="last"/> to a fixed point; returns the state leaving a finally region.</summary>
    private IrqlFlowState SolveRegion(IrqlFlowState?[] states, int first, int last)
    {
        var blocks = _graph.Blocks;
        var visits = new int[blocks.Length];
        var work = new SortedSet<int> { first };
        var leaving = IrqlFlowState.Unreachable;
        while (work.Count > 0)
        {
            var ordinal = work.Min;
            work.Remove(ordinal);
            if (states[ordinal] is not { } input || ++visits[ordinal] > _effects.Budgets.FlowVisitsPerBlock)
            {
                continue;
            }

            var block = blocks[ordinal];
            var output = Transfer(block, input, record: false);
            EnterHandlers(block, input.Join(output), states, first, last, work);
            foreach (var branch in new[] { block.ConditionalSuccessor, block.FallThroughSuccessor })
            {
                if (branch is null)
                {
                    continue;
                }

                var state = Assume(block, branch, output);
                foreach (var region in branch.FinallyRegions)
                {
                    state = RunFinally(region, state);
                }

                if (branch.Destination is not { } destination)
                {
                    if (branch.Semantics == ControlFlowBranchSemantics.StructuredExceptionHandling)
                    {
                        leaving = leaving.Join(state);
                    }
                    else if (branch.Semantics is ControlFlowBranchSemantics.Throw or ControlFlowBranchSemantics.Rethrow && LeavesFunction(block) && !state.IsUnreachable)
                    {
                        _throwStates[ordinal] = _throwStates.TryGetValue(ordinal, out var known) ? known.Join(state) : state;
                    }

                    continue;
                }

                Flow(states, destination.Ordinal, state, first, last, work);
            }
        }

        return leaving;
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

    /// <summary>The <c>throw</c> statement or expression a throwing block ends with (its thrown value's syntax otherwise).</summary>
    private static Location ThrowLocation(BasicBlock block)
    {
        var syntax = block.BranchValue?.Syntax ?? block.Operations.LastOrDefault()?.Syntax;
        for (var node = syntax; node is not null; node = node.Parent)
        {
            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.ThrowStatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.ThrowExpressionSyntax)
            {
                return node.GetLocation();
            }
        }

        return syntax?.GetLocation() ?? Location.None;
    }

    /// <summary>A catch or filter handler can start at any point of its try block: it gets every state seen there.</summary>
    private static void EnterHandlers(BasicBlock block, IrqlFlowState state, IrqlFlowState?[] states, int first, int last, SortedSet<int> work)
    {
        for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
        {
            if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion is not { Kind: ControlFlowRegionKind.TryAndCatch } tryAndCatch)
            {
                continue;
            }

            foreach (var handler in tryAndCatch.NestedRegions.Skip(1))
            {
                Flow(states, handler.FirstBlockOrdinal, state, first, last, work);
            }
        }
    }

    private static void Flow(IrqlFlowState?[] states, int destination, IrqlFlowState state, int first, int last, SortedSet<int> work)
    {
        if (destination < first || destination > last || state.IsUnreachable)
        {
            return;
        }

        var joined = states[destination] is { } existing ? existing.Join(state) : state;
        if (!joined.Equals(states[destination]))
        {
            states[destination] = joined;
            work.Add(destination);
        }
    }

    /// <summary>Runs a finally region entered with <paramref name="state"/>; keeps what reached its blocks for the recording pass.</summary>
    private IrqlFlowState RunFinally(ControlFlowRegion region, IrqlFlowState state)
    {
        if (state.IsUnreachable)
        {
            return state;
        }

        var local = new IrqlFlowState?[_graph.Blocks.Length];
        local[region.FirstBlockOrdinal] = state;
        var leaving = SolveRegion(local, region.FirstBlockOrdinal, region.LastBlockOrdinal);
        for (var ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal; ordinal++)
        {
            if (local[ordinal] is { } reached)
            {
                _finallyStates[ordinal] = _finallyStates[ordinal] is { } known ? known.Join(reached) : reached;
            }
        }

        return leaving;
    }

    private IrqlFlowState Transfer(BasicBlock block, IrqlFlowState state, bool record)
    {
        foreach (var root in RootsOf(block))
        {
            state = Visit(root, state, record);
        }

        return state;
    }

    /// <summary>Evaluation order: operands first, then the operation. Nested function bodies are separate graphs.</summary>
    private IrqlFlowState Visit(IOperation operation, IrqlFlowState state, bool record)
    {
        if (operation is IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
        {
            Record(operation, state, record);
            return state;
        }

        foreach (var child in operation.ChildOperations)
        {
            state = Visit(child, state, record);
        }

        switch (operation)
        {
            case IFlowCaptureOperation capture:
                _captures[capture.Id] = capture.Value;
                break;
            case IInvocationOperation invocation:
                Record(invocation, state, record);
                state = ApplyCall(invocation, state);
                break;
            case ISimpleAssignmentOperation assignment:
                state = ApplyAssignment(assignment, state);
                state = AssignCondition(assignment, state);
                break;
            case IAwaitOperation or IPropertyReferenceOperation or IDelegateCreationOperation or IObjectCreationOperation:
                Record(operation, state, record);
                break;
        }

        return state;
    }

    private void Record(IOperation operation, IrqlFlowState state, bool record)
    {
        if (record)
        {
            _observations.Add(new IrqlObservation(operation, state));
        }
    }

    /// <summary>An assignment to a tested boolean: its value becomes the constant assigned, or unknown.</summary>
    private IrqlFlowState AssignCondition(ISimpleAssignmentOperation assignment, IrqlFlowState state)
    {
        if (state.IsUnreachable || BooleanSymbol(assignment.Target) is not { } symbol || !_conditions.TryGetValue(symbol, out var slot))
        {
            return state;
        }

        var value = WithoutConversions(assignment.Value) is { ConstantValue: { HasValue: true, Value: bool constant } } ? constant : (bool?)null;
        return state.Select(path => path.WithCondition(slot, value));
    }

    /// <summary>A call that is not a kernel IRQL primitive may change a field or a captured boolean: forget them.</summary>
    private IrqlFlowState ForgetVolatileConditions(IrqlFlowState state) =>
        _volatileConditions.Count == 0 ? state : state.Select(path =>
        {
            foreach (var slot in _volatileConditions)
            {
                path = path.WithCondition(slot, null);
            }

            return path;
        });

    private IrqlFlowState ApplyCall(IInvocationOperation invocation, IrqlFlowState state)
    {
        if (state.IsUnreachable)
        {
            return state;
        }

        if (_effects.Of(invocation.TargetMethod) is not { HasEffect: true } effect)
        {
            return ForgetVolatileConditions(state);
        }

        var savedSlots = new List<int>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter
                && effect.SavesParameters.Any(p => p.Ordinal == parameter.Ordinal)
                && SlotOf(argument.Value) is { } slot)
            {
                savedSlots.Add(slot);
            }
        }

        if (effect.SavesReturn && AssignedSlot(invocation) is { } returnSlot)
        {
            savedSlots.Add(returnSlot);
        }

        IrqlValue? restored = null;
        int? restoredSlot = null;
        if (effect.RestoresParameter is { } restores && ArgumentFor(invocation, restores) is { } restoreArgument)
        {
            var value = Unwrap(restoreArgument.Value);
            restoredSlot = SlotOf(value);
            if (restoredSlot is null)
            {
                restored = ConstantLevel(value) is { } constant
                    ? IrqlValue.Known(IrqlLevels.Single(constant), $"{effect.Name} set the IRQL to {IrqlRange.Name(constant)}")
                    : IrqlValue.Unresolved;
            }
        }

        IrqlValue? raised = null;
        if (effect.Raises)
        {
            var level = effect.RaisesTo ?? (effect.NewIrqlParameter is { } newIrql ? ConstantLevel(Unwrap(ArgumentFor(invocation, newIrql)?.Value)) : null);
            raised = level is { } to
                ? IrqlValue.Known(IrqlLevels.Single(to), $"{effect.Name} raised the IRQL to {IrqlRange.Name(to)}")
                : IrqlValue.Unresolved;
        }

        return state.Select(path =>
        {
            foreach (var slot in savedSlots)
            {
                path = path.WithSaved(slot, path.Current);
            }

            if (restoredSlot is { } fromSlot)
            {
                path = path.WithCurrent(path.Saved[fromSlot] ?? IrqlValue.Unresolved);
            }
            else if (restored is { } value)
            {
                path = path.WithCurrent(value);
            }

            return raised is { } to ? path.WithCurrent(to) : path;
        });
    }

    private IrqlFlowState ApplyAssignment(ISimpleAssignmentOperation assignment, IrqlFlowState state)
    {
        if (state.IsUnreachable || SlotOf(assignment.Target) is not { } target)
        {
            return state;
        }

        var value = Unwrap(assignment.Value);
        if (value is IInvocationOperation invocation && _effects.Of(invocation.TargetMethod) is { SavesReturn: true })
        {
            return state; // ApplyCall stored the level from before the call.
        }

        var source = SlotOf(value);
        return state.Select(path => path.WithSaved(target, source is { } from ? path.Saved[from] : null));
    }

    /// <summary>The slot an invocation's result is assigned to, through conversions.</summary>
    private int? AssignedSlot(IInvocationOperation invocation)
    {
        var node = invocation.Parent;
        while (node is IConversionOperation)
        {
            node = node.Parent;
        }

        return node is ISimpleAssignmentOperation assignment ? SlotOf(assignment.Target) : null;
    }

    /// <summary>The argument passed for <paramref name="parameter"/>, or null.</summary>
    public static IArgumentOperation? ArgumentFor(IInvocationOperation invocation, IParameterSymbol parameter) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal);

    /// <summary>The constant IRQL <paramref name="value"/> evaluates to, or null.</summary>
    public static byte? ConstantLevel(IOperation? value)
    {
        if (value is null || !value.ConstantValue.HasValue || value.ConstantValue.Value is not { } constant)
        {
            return null;
        }

        try
        {
            var level = System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture);
            return level is >= 0 and <= IrqlRange.High ? (byte)level : null;
        }
        catch (System.Exception exception) when (exception is System.FormatException or System.InvalidCastException or System.OverflowException)
        {
            return null;
        }
    }
}
