using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetDma.Analyzers.Flow;

/// <summary>
/// The NTSTATUS/null/constant analysis of a routine, run on the shared driver (<see cref="ForwardFlow"/>): a path
/// (<see cref="PathState"/>) holds the NTSTATUS constants of locals and flow captures (the graph lowers <c>?:</c>,
/// <c>??</c> and switch expressions into flow captures), whether <c>ChannelParameters.CpuNumber</c> was written, and
/// null reaching the out channel context (a literal, or a local or conditional that holds one on the path).
/// <c>static readonly</c> fields with a constant initializer are constants. Branches whose condition a path decides
/// (<c>status == STATUS_SUCCESS</c>, <c>NT_SUCCESS(status)</c>, <c>!x</c>) follow only the feasible side. Values are
/// never guessed: anything not a constant is unknown; a routine whose finally or filter blocks write tracked state, or
/// whose paths outgrow the driver's budgets (<see cref="Infrastructure.AnalysisBudgets.PathStates"/>), is not analyzed
/// (<see cref="Explore"/> returns default), so a report never rests on a lost path.
/// </summary>
internal sealed class PathExplorer : IFlowAnalysis<PathState>
{
    private readonly ControlFlowGraph _graph;
    private readonly ImmutableHashSet<ISymbol> _captured;
    private readonly PathExplorerOptions _options;

    /// <summary>
    /// Captures of a local or parameter reference: where the graph spills an assignment's target before a value with
    /// control flow (<c>p = c ? a : b</c> becomes <c>#1 = p; ...; #1 = #0</c>), the capture stands for that variable.
    /// </summary>
    private readonly Dictionary<CaptureId, IOperation> _capturedReferences = new();
    private readonly ImmutableArray<ReturnPath>.Builder _returns = ImmutableArray.CreateBuilder<ReturnPath>();
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

        return ForwardFlow.Run(_graph, this, _options.Budgets).Completed ? _returns.ToImmutable() : default;
    }

    PathState IFlowAnalysis<PathState>.Entry => PathState.Empty;

    PathState IFlowAnalysis<PathState>.Transfer(IOperation operation, PathState path) => Apply(operation, path);

    bool IFlowAnalysis<PathState>.MayThrow(IOperation operation) => !ForwardFlow.CannotThrow(operation);

    /// <summary>Constants are never merged into a guess: past the block budget the routine is not analyzed.</summary>
    PathState? IFlowAnalysis<PathState>.Widen(PathState left, PathState right) => null;

    /// <summary>
    /// A conditional branch is taken unless the path decides its condition the other way; a <c>return</c> ends the path
    /// with its returned value (evaluated before any finally block runs; finally blocks write no tracked state here).
    /// </summary>
    PathState? IFlowAnalysis<PathState>.Branch(BasicBlock source, ControlFlowBranch branch, PathState path)
    {
        if (source.ConditionalSuccessor is { } conditional && source.BranchValue is { } condition)
        {
            var takesConditional = Evaluate(condition, path) is { } truth ? truth == (source.ConditionKind == ControlFlowConditionKind.WhenTrue) : (bool?)null;
            return takesConditional == (branch == conditional) || takesConditional is null ? path : null;
        }

        if (branch.Semantics == ControlFlowBranchSemantics.Return && source.BranchValue is { } returned)
        {
            _returns.Add(new ReturnPath(path, Eval(returned, path), returned));
            return null;
        }

        return path;
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
