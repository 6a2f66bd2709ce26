using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetDma.Analyzers.Flow;

/// <summary>
/// The non-negative integral value of an expression in one routine, without a control-flow graph: constants, the
/// arithmetic <c>+ - * / % &lt;&lt; &gt;&gt;</c> over them, and locals that hold one value throughout (declared with
/// an initializer, never written again, never passed by reference, not captured by a lambda or local function).
/// Anything else, an overflow or a negative intermediate is unknown (null): a value is never guessed.
/// </summary>
/// <param name="operations">Every operation of the routine.</param>
/// <param name="captured">Locals another routine (a lambda, a local function) can see.</param>
internal sealed class RoutineConstants(IReadOnlyList<IOperation> operations, ISet<ILocalSymbol> captured)
{
    private const int MaximumDepth = 16;

    /// <summary>The value of <paramref name="operation"/>, or null when it is not known.</summary>
    public ulong? ValueOf(IOperation? operation) => ValueOf(operation, depth: 0);

    private ulong? ValueOf(IOperation? operation, int depth)
    {
        if (operation is null || depth > MaximumDepth)
        {
            return null;
        }

        if (operation.ConstantValue is { HasValue: true, Value: { } constant })
        {
            return ToUInt64(constant);
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return ValueOf(conversion.Operand, depth + 1);

            case IParenthesizedOperation parenthesized:
                return ValueOf(parenthesized.Operand, depth + 1);

            case IBinaryOperation binary when ValueOf(binary.LeftOperand, depth + 1) is { } left && ValueOf(binary.RightOperand, depth + 1) is { } right:
                return Apply(binary.OperatorKind, left, right);

            case ILocalReferenceOperation { Local: var local } when SingleValue(local) is { } initializer:
                return ValueOf(initializer, depth + 1);

            default:
                return null;
        }
    }

    private static ulong? Apply(BinaryOperatorKind kind, ulong left, ulong right)
    {
        try
        {
            return kind switch
            {
                BinaryOperatorKind.Add => checked(left + right),
                BinaryOperatorKind.Subtract => left >= right ? left - right : null,
                BinaryOperatorKind.Multiply => checked(left * right),
                BinaryOperatorKind.Divide => right == 0 ? null : left / right,
                BinaryOperatorKind.Remainder => right == 0 ? null : left % right,
                BinaryOperatorKind.LeftShift => right < 64 && left <= ulong.MaxValue >> (int)right ? left << (int)right : null,
                BinaryOperatorKind.RightShift => right < 64 ? left >> (int)right : null,
                _ => null,
            };
        }
        catch (System.OverflowException)
        {
            return null;
        }
    }

    /// <summary>The initializer of a local that holds one value throughout the routine, or null.</summary>
    private IOperation? SingleValue(ILocalSymbol local)
    {
        if (local.RefKind != RefKind.None || captured.Contains(local))
        {
            return null;
        }

        var declarations = operations.OfType<IVariableDeclaratorOperation>().Where(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local)).ToList();
        if (declarations.Count != 1 || declarations[0].GetVariableInitializer() is not { Value: var initializer })
        {
            return null;
        }

        foreach (var reference in operations.OfType<ILocalReferenceOperation>().Where(r => SymbolEqualityComparer.Default.Equals(r.Local, local)))
        {
            if (IsWrite(reference))
            {
                return null;
            }
        }

        return initializer;
    }

    private static bool IsWrite(ILocalReferenceOperation reference) => reference.Parent switch
    {
        ISimpleAssignmentOperation assignment => ReferenceEquals(assignment.Target, reference),
        ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IIncrementOrDecrementOperation or IAddressOfOperation => true,
        IArgumentOperation argument => argument.Parameter?.RefKind is not (null or RefKind.None or RefKind.In),
        ITupleOperation or IDeclarationExpressionOperation => true,
        _ => reference.IsDeclaration,
    };

    private static ulong? ToUInt64(object value) => value switch
    {
        byte b => b,
        ushort s => s,
        uint u => u,
        ulong l => l,
        sbyte s when s >= 0 => (ulong)s,
        short s when s >= 0 => (ulong)s,
        int i when i >= 0 => (ulong)i,
        long l when l >= 0 => (ulong)l,
        _ => null,
    };
}
