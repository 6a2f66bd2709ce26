using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetDma.Analyzers.Flow;

/// <summary>
/// A path-sensitive walk of a routine's control-flow graph that tracks NTSTATUS constants through locals and
/// conditionals (the graph lowers <c>?:</c>, <c>??</c> and switch expressions into flow captures), whether
/// <c>ChannelParameters.CpuNumber</c> was written, and null reaching the out channel context (a literal, or a local or
/// conditional that holds one on the path). <c>static readonly</c> fields with a constant initializer are constants. Each block is
/// explored once per distinct <see cref="PathState"/>; branches whose condition the state decides
/// (<c>status == STATUS_SUCCESS</c>, <c>NT_SUCCESS(status)</c>, <c>!x</c>) follow only the feasible side. Values are
/// never guessed: anything not a constant is unknown, and routines that outgrow the state budget (<see cref="Infrastructure.AnalysisBudgets.PathStates"/>) are not analyzed
/// (<see cref="Explore"/> returns default), so a report never rests on a lost path.
/// </summary>
internal sealed class PathExplorer
{
    private readonly ControlFlowGraph _graph;
    private readonly ImmutableHashSet<ISymbol> _captured;
    private readonly PathExplorerOptions _options;

    /// <summary>
    /// Captures of a local or parameter reference: where the graph spills an assignment's target before a value with
    /// control flow (<c>p = c ? a : b</c> becomes <c>#1 = p; ...; #1 = #0</c>), the capture stands for that variable.
    /// </summary>
    private readonly Dictionary<CaptureId, IOperation> _capturedReferences = new();
    private int _trackedWrites;

    private PathExplorer(FlowRoutine routine, PathExplorerOptions options)
    {
        _graph = routine.Graph;
        _captured = routine.Captured;
        _options = options;
    }

    /// <summary>Every return path of <paramref name="routine"/>, or default when the routine cannot be analyzed soundly.</summary>
    public static ImmutableArray<ReturnPath> Explore(FlowRoutine routine, PathExplorerOptions options) => new PathExplorer(routine, options).Run();

    private ImmutableArray<ReturnPath> Run()
    {
        if (FinallyOrFilterWritesTrackedState())
        {
            return default;
        }

        var returns = ImmutableArray.CreateBuilder<ReturnPath>();
        var seen = new HashSet<(int, PathState)>();
        var work = new Stack<(BasicBlock Block, PathState State)>();
        var entry = _graph.Blocks[0];
        work.Push((entry, PathState.Empty));
        seen.Add((entry.Ordinal, PathState.Empty));
        while (work.Count > 0)
        {
            var (block, state) = work.Pop();
            var handlers = CatchHandlers(block);
            foreach (var operation in block.Operations)
            {
                Seed(handlers, operation, state, work, seen);
                state = Apply(operation, state);
            }

            if (block.BranchValue is { } branch)
            {
                Seed(handlers, branch, state, work, seen);
                state = Apply(branch, state);
            }

            if (block.ConditionalSuccessor is { } conditional && block.BranchValue is { } condition)
            {
                var takesConditional = Evaluate(condition, state) is { } truth ? truth == (block.ConditionKind == ControlFlowConditionKind.WhenTrue) : (bool?)null;
                if (takesConditional != false && !Follow(conditional, state, returns, work, seen, block))
                {
                    return default;
                }

                if (takesConditional != true && block.FallThroughSuccessor is { } otherwise && !Follow(otherwise, state, returns, work, seen, block))
                {
                    return default;
                }
            }
            else if (block.FallThroughSuccessor is { } fallThrough && !Follow(fallThrough, state, returns, work, seen, block))
            {
                return default;
            }
        }

        return returns.ToImmutable();
    }

    private bool Follow(ControlFlowBranch branch, PathState state, ImmutableArray<ReturnPath>.Builder returns,
        Stack<(BasicBlock, PathState)> work, HashSet<(int, PathState)> seen, BasicBlock source)
    {
        if (branch.Semantics == ControlFlowBranchSemantics.Return && source.ConditionalSuccessor is null && source.BranchValue is { } returned)
        {
            returns.Add(new ReturnPath(state, Eval(returned, state), returned));
            return true;
        }

        if (branch.Destination is not { } destination)
        {
            return true;
        }

        if (seen.Add((destination.Ordinal, state)))
        {
            if (seen.Count > _options.Budgets.PathStates)
            {
                return false;
            }

            work.Push((destination, state));
        }

        return true;
    }

    /// <summary>The first blocks of the catch handlers of the try regions around <paramref name="block"/>.</summary>
    private ImmutableArray<BasicBlock> CatchHandlers(BasicBlock block)
    {
        var handlers = ImmutableArray.CreateBuilder<BasicBlock>();
        for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
        {
            if (region.Kind == ControlFlowRegionKind.Try && region.EnclosingRegion is { Kind: ControlFlowRegionKind.TryAndCatch } tryAndCatch)
            {
                handlers.AddRange(tryAndCatch.NestedRegions
                    .Where(r => r.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.FilterAndHandler)
                    .Select(r => _graph.Blocks[r.FirstBlockOrdinal]));
            }
        }

        return handlers.ToImmutable();
    }

    /// <summary>
    /// An operation in a try block that can throw sends the path, in its state before the operation, to every catch
    /// handler. Storing a constant or a local into a local cannot throw, so a handler never sees a value that the
    /// following assignment has already replaced.
    /// </summary>
    private static void Seed(ImmutableArray<BasicBlock> handlers, IOperation operation, PathState state, Stack<(BasicBlock, PathState)> work, HashSet<(int, PathState)> seen)
    {
        if (handlers.IsEmpty || CannotThrow(operation))
        {
            return;
        }

        foreach (var handler in handlers)
        {
            if (seen.Add((handler.Ordinal, state)))
            {
                work.Push((handler, state));
            }
        }
    }

    private static bool CannotThrow(IOperation operation)
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

    /// <summary>Finally and filter blocks are not on the explored paths: a routine whose finally writes tracked state is not analyzed.</summary>
    private bool FinallyOrFilterWritesTrackedState()
    {
        foreach (var block in _graph.Blocks)
        {
            if (!InRegion(block, ControlFlowRegionKind.Finally) && !InRegion(block, ControlFlowRegionKind.Filter))
            {
                continue;
            }

            _trackedWrites = 0;
            var state = PathState.Empty;
            foreach (var operation in block.Operations)
            {
                state = Apply(operation, state);
            }

            if (_trackedWrites > 0 || state.Facts != PathFacts.None)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InRegion(BasicBlock block, ControlFlowRegionKind kind)
    {
        for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
        {
            if (region.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsTrackedLocal(ILocalSymbol local) => !_captured.Contains(local) && local.RefKind == RefKind.None;

    private bool IsChannelParameters(IOperation? operation) =>
        _options.ChannelParameters is { } parameter && operation is IParameterReferenceOperation reference
        && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter);

    private bool IsChannelContext(IOperation? operation) =>
        _options.ChannelContext is { } parameter && operation is IParameterReferenceOperation reference
        && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter);

    /// <summary>The effect of one operation (and its children, in evaluation order) on a path.</summary>
    private PathState Apply(IOperation operation, PathState state)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation assignment:
                state = ApplyTargetChildren(assignment.Target, state);
                state = Apply(assignment.Value, state);
                return Assign(assignment.Target, Eval(assignment.Value, state), state);

            case ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IIncrementOrDecrementOperation:
                foreach (var child in operation.ChildOperations)
                {
                    state = Apply(child, state);
                }

                var target = operation switch
                {
                    ICompoundAssignmentOperation compound => compound.Target,
                    ICoalesceAssignmentOperation coalesce => coalesce.Target,
                    _ => ((IIncrementOrDecrementOperation)operation).Target,
                };
                return Assign(target, AbstractValue.Unknown, state);

            case IFlowCaptureOperation capture:
                state = Apply(capture.Value, state);
                if (capture.Value is ILocalReferenceOperation or IParameterReferenceOperation)
                {
                    _capturedReferences[capture.Id] = capture.Value;
                }

                return state.With(capture.Id, Eval(capture.Value, state), keepUnknown: false);

            case IArgumentOperation argument:
                state = Apply(argument.Value, state);
                return argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref
                    ? Assign(argument.Value is IDeclarationExpressionOperation declaration ? declaration.Expression : argument.Value, AbstractValue.Unknown, state)
                    : state;

            case IParameterReferenceOperation when IsChannelParameters(operation) && Escapes(operation):
                _trackedWrites++;
                return state.WithFact(PathFacts.CpuNumberWritten);

            default:
                foreach (var child in operation.ChildOperations)
                {
                    state = Apply(child, state);
                }

                return state;
        }
    }

    /// <summary>Applies the parts of an assignment target that are evaluated (the instance of <c>p.X</c>), not the target itself.</summary>
    private PathState ApplyTargetChildren(IOperation target, PathState state) => target switch
    {
        IMemberReferenceOperation { Instance: { } instance } when !IsChannelParameters(instance) => Apply(instance, state),
        IArrayElementReferenceOperation element => element.ChildOperations.Aggregate(state, (s, child) => Apply(child, s)),
        _ => state,
    };

    /// <summary>A use of the ChannelParameters object that could write CpuNumber behind the analysis' back.</summary>
    private static bool Escapes(IOperation reference) => reference.Parent switch
    {
        IMemberReferenceOperation member when ReferenceEquals(member.Instance, reference) => false,
        IIsPatternOperation or IIsNullOperation or IIsTypeOperation => false,
        IBinaryOperation binary => binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals),
        _ => true,
    };

    private PathState Assign(IOperation target, AbstractValue value, PathState state)
    {
        switch (target)
        {
            case ILocalReferenceOperation local when IsTrackedLocal(local.Local):
                _trackedWrites++;
                return state.With(local.Local, value, keepUnknown: false);

            case IFlowCaptureReferenceOperation capture when _capturedReferences.TryGetValue(capture.Id, out var variable):
                return Assign(variable, value, state);

            case IParameterReferenceOperation context when IsChannelContext(target):
                // Null on this path: a literal null or default, or a local or ?: branch that holds one here.
                _trackedWrites++;
                return state.With(context.Parameter, value.IsNull ? value : AbstractValue.Unknown, keepUnknown: true);

            case IPropertyReferenceOperation { Property.Name: CpuNumberMember } property when IsChannelParameters(property.Instance):
                _trackedWrites++;
                return state.WithFact(PathFacts.CpuNumberWritten);

            case IFieldReferenceOperation { Field.Name: CpuNumberMember } field when IsChannelParameters(field.Instance):
                _trackedWrites++;
                return state.WithFact(PathFacts.CpuNumberWritten);

            default:
                return state;
        }
    }

    /// <summary>The NET_DMA_CHANNEL_PARAMETERS member the provider writes (ns-netdma-_net_dma_channel_parameters.md).</summary>
    public const string CpuNumberMember = "CpuNumber";

    /// <summary>The value of an expression on a path.</summary>
    public AbstractValue Eval(IOperation operation, PathState state)
    {
        if (operation.ConstantValue.HasValue)
        {
            return operation.ConstantValue.Value is null ? AbstractValue.OfNull(operation.Syntax)
                : AsInt32(operation.ConstantValue.Value) is { } constant ? AbstractValue.OfConstant(constant, operation.Syntax)
                : AbstractValue.Unknown;
        }

        return operation switch
        {
            IConversionOperation conversion => Eval(conversion.Operand, state),
            ILocalReferenceOperation local when IsTrackedLocal(local.Local) => state.Get(local.Local) ?? AbstractValue.Unknown,
            IFlowCaptureReferenceOperation capture => state.Get(capture.Id) ?? AbstractValue.Unknown,
            ISimpleAssignmentOperation assignment => Eval(assignment.Value, state),
            IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field } when ReadOnlyConstant(field) is { } constant =>
                AbstractValue.OfConstant(constant, operation.Syntax),
            _ => AbstractValue.Unknown,
        };
    }

    /// <summary>
    /// The value of a <c>static readonly</c> field of this compilation whose initializer is an integral constant and
    /// that no static constructor can overwrite (<c>static readonly NtStatus Busy = NtStatus.STATUS_DEVICE_BUSY;</c>);
    /// null otherwise.
    /// </summary>
    private int? ReadOnlyConstant(IFieldSymbol field)
    {
        if (field.DeclaringSyntaxReferences.Length != 1 || field.ContainingType.StaticConstructors.Any(c => !c.IsImplicitlyDeclared)
            || field.DeclaringSyntaxReferences[0].GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: { } initializer }
            || Infrastructure.SourceSemanticModels.Of(_graph.OriginalOperation.SemanticModel!.Compilation, initializer.SyntaxTree) is not { } model)
        {
            return null;
        }

        return AsInt32(model.GetConstantValue(initializer).Value);
    }

    /// <summary>An integral constant as the 32 bits an NTSTATUS (a LONG) holds; null for any other value.</summary>
    private static int? AsInt32(object? value) => value switch
    {
        ulong big => unchecked((int)big),
        int or uint or long or short or ushort or sbyte or byte => unchecked((int)Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        _ => null,
    };

    /// <summary>The truth of a branch condition on a path, or null when the path does not decide it.</summary>
    private bool? Evaluate(IOperation condition, PathState state)
    {
        if (condition.ConstantValue is { HasValue: true, Value: bool constant })
        {
            return constant;
        }

        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Evaluate(not.Operand, state) is { } inner ? !inner : null;

            case IConversionOperation conversion:
                return Evaluate(conversion.Operand, state);

            case IFlowCaptureReferenceOperation:
                return null;

            case IBinaryOperation binary:
                return Compare(binary.OperatorKind, Eval(binary.LeftOperand, state), Eval(binary.RightOperand, state));

            case IIsNullOperation isNull:
                return IsNull(Eval(isNull.Operand, state));

            case IIsPatternOperation { Pattern: var pattern } isPattern when NullPattern(pattern) is { } matchesNull:
                return IsNull(Eval(isPattern.Value, state)) is { } isNullValue ? isNullValue == matchesNull : null;

            case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "NT_SUCCESS" } method, Arguments.Length: 1 } invocation
                when IsNtStatusFacts(method.ContainingType):
                var status = Eval(invocation.Arguments[0].Value, state);
                return status.IsConstant ? status.Constant >= 0 : null;

            default:
                return null;
        }
    }

    private static bool? IsNull(AbstractValue value) => value.IsNull ? true : value.IsConstant ? false : null;

    /// <summary>True for the pattern <c>null</c>, false for <c>not null</c>, null for any other pattern.</summary>
    private static bool? NullPattern(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: null } } => true,
        INegatedPatternOperation { Pattern: var negated } => NullPattern(negated) is { } inner ? !inner : null,
        _ => null,
    };

    private bool IsNtStatusFacts(INamedTypeSymbol? type) =>
        type is { Name: "NtStatusFacts" } && _options.Symbols.NtStatus is { } status
        && SymbolEqualityComparer.Default.Equals(type.ContainingNamespace, status.ContainingNamespace);

    private static bool? Compare(BinaryOperatorKind kind, AbstractValue left, AbstractValue right)
    {
        if (left.IsNull || right.IsNull)
        {
            var bothNull = left.IsNull && right.IsNull;
            var decided = bothNull || (left.IsNull ? right.IsConstant : left.IsConstant);
            return !decided ? null : kind switch
            {
                BinaryOperatorKind.Equals => bothNull,
                BinaryOperatorKind.NotEquals => !bothNull,
                _ => null,
            };
        }

        if (!left.IsConstant || !right.IsConstant)
        {
            return null;
        }

        return kind switch
        {
            BinaryOperatorKind.Equals => left.Constant == right.Constant,
            BinaryOperatorKind.NotEquals => left.Constant != right.Constant,
            BinaryOperatorKind.LessThan => left.Constant < right.Constant,
            BinaryOperatorKind.LessThanOrEqual => left.Constant <= right.Constant,
            BinaryOperatorKind.GreaterThan => left.Constant > right.Constant,
            BinaryOperatorKind.GreaterThanOrEqual => left.Constant >= right.Constant,
            _ => null,
        };
    }
}
