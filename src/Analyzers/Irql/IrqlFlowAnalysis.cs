using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Contracts;
using NetDma.Analyzers.Flow;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// The IRQL analysis of one function, run on the shared driver (<see cref="ForwardFlow"/>; CA1416's shape): a path
/// (<see cref="IrqlPath"/>) holds the current level, the levels stored in <c>Irql</c> locals and fields, and the
/// values of tested booleans; calls change it as their attributes say (<see cref="IrqlCallEffects"/>): a raise sets the
/// current level, an <c>[IrqlSaves]</c> out argument stores the level before the raise in its local or field, an
/// <c>[IrqlRestores]</c> argument makes the stored level current again. The entry level stays symbolic
/// (<see cref="IrqlValue.Entry"/>), so one run serves the function's own contract, each contract delegate it is
/// converted to and each caller's level. The state at a point is the set of path classes that reach it
/// (<see cref="IrqlFlowState"/>).
/// </summary>
/// <remarks>
/// Branches on a <c>bool</c> local, parameter or field (or its negation) are correlated: a path that took
/// <c>if (locked)</c> one way takes a later <c>if (locked)</c> the same way, until the boolean is assigned (a
/// constant assignment makes its value known) or, for a field or a boolean a nested function may capture, until a call
/// that is not a kernel IRQL primitive (such a call may change it). Other branch conditions are not evaluated.
/// Exceptions follow the driver's rules: a catch handler starts with the path before each statement of its try block
/// that may throw (any but a local store of a constant or a local), finally regions run on the branches that leave
/// their try blocks, and an explicit <c>throw</c> outside any try, catch or finally block is an exit of the function
/// (<see cref="ThrowExits"/>). Past the driver's per-block budget the paths reaching a block are merged into one
/// (<see cref="IrqlPath.MergeWith"/>); a function past its total budget is not analyzed: no observations, an
/// unreachable exit.
/// </remarks>
internal sealed class IrqlFlowAnalysis : IFlowAnalysis<IrqlPath>
{
    private readonly ControlFlowGraph _graph;
    private readonly IrqlCallEffects _effects;
    private readonly INamedTypeSymbol? _irqlType;
    private readonly Dictionary<ISymbol, int> _slots = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, int> _conditions = new(SymbolEqualityComparer.Default);
    private readonly List<int> _volatileConditions = new();
    private readonly Dictionary<CaptureId, IOperation> _captures = new();

    /// <summary>During the recording pass: the paths seen at each observed operation, in the order first seen.</summary>
    private Dictionary<IOperation, List<IrqlPath>>? _recorded;
    private readonly List<IOperation> _recordedOrder = new();

    private IrqlFlowAnalysis(ControlFlowGraph graph, IrqlCallEffects effects)
    {
        _graph = graph;
        _effects = effects;
        _irqlType = effects.Symbols.Irql;
    }

    public ControlFlowGraph Graph => _graph;

    public IrqlCallEffects Effects => _effects;

    /// <summary>Invocations, awaits, property references, delegate creations and anonymous functions with their states.</summary>
    public ImmutableArray<IrqlObservation> Observations { get; private set; } = ImmutableArray<IrqlObservation>.Empty;

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
        var result = ForwardFlow.Run(_graph, this, _effects.Budgets);
        if (!result.Completed)
        {
            return;
        }

        var blocks = _graph.Blocks;
        ExitState = result.AtExit.IsEmpty ? IrqlFlowState.Unreachable : IrqlFlowState.Of(result.AtExit);
        ThrowExits = result.ThrowExits
            .GroupBy(exit => exit.Block)
            .OrderBy(exit => exit.Key)
            .Select(exit => (ThrowLocation(blocks[exit.Key]), IrqlFlowState.Of(exit.Select(e => e.Path))))
            .ToImmutableArray();

        // One recording pass: each reached block once per path that reaches it; an operation's state is the set of
        // paths seen there.
        _captures.Clear();
        _recorded = new Dictionary<IOperation, List<IrqlPath>>();
        for (var ordinal = 0; ordinal < blocks.Length; ordinal++)
        {
            foreach (var path in result.AtEntry[ordinal])
            {
                var current = path;
                foreach (var root in RootsOf(blocks[ordinal]))
                {
                    current = Visit(root, current);
                }
            }
        }

        Observations = _recordedOrder.Select(operation => new IrqlObservation(operation, IrqlFlowState.Of(_recorded[operation]))).ToImmutableArray();
        _recorded = null;
    }

    IrqlPath IFlowAnalysis<IrqlPath>.Entry => IrqlPath.AtEntry(_slots.Count, _conditions.Count);

    IrqlPath IFlowAnalysis<IrqlPath>.Transfer(IOperation operation, IrqlPath path) => Visit(operation, path);

    /// <summary>Storing a constant or a local into a local cannot throw; anything else may.</summary>
    bool IFlowAnalysis<IrqlPath>.MayThrow(IOperation operation) => !ForwardFlow.CannotThrow(operation);

    IrqlPath? IFlowAnalysis<IrqlPath>.Branch(BasicBlock source, ControlFlowBranch branch, IrqlPath path) => Assume(source, branch, path);

    /// <summary>A merged path unions the levels and forgets conditions that differ; it never justifies "on all paths".</summary>
    IrqlPath? IFlowAnalysis<IrqlPath>.Widen(IrqlPath left, IrqlPath right) => left.MergeWith(right);

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

    /// <summary>The path along the branch taken, with the boolean's value recorded; null when it contradicts the path.</summary>
    private IrqlPath? Assume(BasicBlock block, ControlFlowBranch branch, IrqlPath path)
    {
        if (block.ConditionKind == ControlFlowConditionKind.None
            || ConditionSymbol(block.BranchValue, out var negated) is not { } symbol || !_conditions.TryGetValue(symbol, out var slot))
        {
            return path;
        }

        // The conditional successor is taken when the branch value is what ConditionKind names (WhenTrue or WhenFalse).
        var branchValue = (block.ConditionKind == ControlFlowConditionKind.WhenTrue) == (branch == block.ConditionalSuccessor);
        var value = branchValue != negated;
        return path.Conditions[slot] == !value ? null : path.WithCondition(slot, value);
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

    /// <summary>Evaluation order: operands first, then the operation. Nested function bodies are separate graphs.</summary>
    private IrqlPath Visit(IOperation operation, IrqlPath path)
    {
        if (operation is IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
        {
            Record(operation, path);
            return path;
        }

        foreach (var child in operation.ChildOperations)
        {
            path = Visit(child, path);
        }

        switch (operation)
        {
            case IFlowCaptureOperation capture:
                _captures[capture.Id] = capture.Value;
                break;
            case IInvocationOperation invocation:
                Record(invocation, path);
                path = ApplyCall(invocation, path);
                break;
            case ISimpleAssignmentOperation assignment:
                path = ApplyAssignment(assignment, path);
                path = AssignCondition(assignment, path);
                break;
            case IAwaitOperation or IPropertyReferenceOperation or IDelegateCreationOperation or IObjectCreationOperation:
                Record(operation, path);
                break;
        }

        return path;
    }

    private void Record(IOperation operation, IrqlPath path)
    {
        if (_recorded is null)
        {
            return;
        }

        if (!_recorded.TryGetValue(operation, out var paths))
        {
            _recorded.Add(operation, paths = new List<IrqlPath>());
            _recordedOrder.Add(operation);
        }

        paths.Add(path);
    }

    /// <summary>An assignment to a tested boolean: its value becomes the constant assigned, or unknown.</summary>
    private IrqlPath AssignCondition(ISimpleAssignmentOperation assignment, IrqlPath path)
    {
        if (BooleanSymbol(assignment.Target) is not { } symbol || !_conditions.TryGetValue(symbol, out var slot))
        {
            return path;
        }

        var value = WithoutConversions(assignment.Value) is { ConstantValue: { HasValue: true, Value: bool constant } } ? constant : (bool?)null;
        return path.WithCondition(slot, value);
    }

    /// <summary>A call that is not a kernel IRQL primitive may change a field or a captured boolean: forget them.</summary>
    private IrqlPath ForgetVolatileConditions(IrqlPath path)
    {
        foreach (var slot in _volatileConditions)
        {
            path = path.WithCondition(slot, null);
        }

        return path;
    }

    private IrqlPath ApplyCall(IInvocationOperation invocation, IrqlPath path)
    {
        if (_effects.Of(invocation.TargetMethod) is not { HasEffect: true } effect)
        {
            return ForgetVolatileConditions(path);
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter
                && effect.SavesParameters.Any(p => p.Ordinal == parameter.Ordinal)
                && SlotOf(argument.Value) is { } slot)
            {
                path = path.WithSaved(slot, path.Current);
            }
        }

        if (effect.SavesReturn && AssignedSlot(invocation) is { } returnSlot)
        {
            path = path.WithSaved(returnSlot, path.Current);
        }

        if (effect.RestoresParameter is { } restores && ArgumentFor(invocation, restores) is { } restoreArgument)
        {
            var value = Unwrap(restoreArgument.Value);
            path = SlotOf(value) is { } fromSlot
                ? path.WithCurrent(path.Saved[fromSlot] ?? IrqlValue.Unresolved)
                : path.WithCurrent(ConstantLevel(value) is { } constant
                    ? IrqlValue.Known(IrqlLevels.Single(constant), $"{effect.Name} set the IRQL to {IrqlRange.Name(constant)}")
                    : IrqlValue.Unresolved);
        }

        if (effect.Raises)
        {
            var level = effect.RaisesTo ?? (effect.NewIrqlParameter is { } newIrql ? ConstantLevel(Unwrap(ArgumentFor(invocation, newIrql)?.Value)) : null);
            path = path.WithCurrent(level is { } to
                ? IrqlValue.Known(IrqlLevels.Single(to), $"{effect.Name} raised the IRQL to {IrqlRange.Name(to)}")
                : IrqlValue.Unresolved);
        }

        return path;
    }

    private IrqlPath ApplyAssignment(ISimpleAssignmentOperation assignment, IrqlPath path)
    {
        if (SlotOf(assignment.Target) is not { } target)
        {
            return path;
        }

        var value = Unwrap(assignment.Value);
        if (value is IInvocationOperation invocation && _effects.Of(invocation.TargetMethod) is { SavesReturn: true })
        {
            return path; // ApplyCall stored the level from before the call.
        }

        return path.WithSaved(target, SlotOf(value) is { } from ? path.Saved[from] : null);
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
