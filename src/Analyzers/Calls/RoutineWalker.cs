using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetDma.Analyzers.Calls;

/// <summary>
/// Walks an operation tree and tells, for each operation, which routine it runs in: the owning method, or the
/// innermost lambda or local function around it (each is a routine of its own, called at another time).
/// </summary>
internal static class RoutineWalker
{
    /// <param name="root">An operation block.</param>
    /// <param name="owner">The method owning the block, or null (field and property initializers).</param>
    /// <param name="visit">Called with each operation and the routine it runs in (null outside any routine).</param>
    public static void Walk(IOperation root, IMethodSymbol? owner, Action<IOperation, IMethodSymbol?> visit)
    {
        visit(root, owner);
        foreach (var child in root.ChildOperations)
        {
            switch (child)
            {
                case IAnonymousFunctionOperation lambda:
                    visit(lambda, owner);
                    Walk(lambda.Body, lambda.Symbol, visit);
                    break;
                case ILocalFunctionOperation { Body: { } body } local:
                    visit(local, owner);
                    Walk(body, local.Symbol, visit);
                    break;
                case ILocalFunctionOperation local:
                    visit(local, owner);
                    break;
                default:
                    Walk(child, owner, visit);
                    break;
            }
        }
    }

    /// <summary>How every call chain in a message names a routine (IRQL chains and entry-point chains alike): the method or local function name, or <c>lambda</c>.</summary>
    public static string DisplayName(IMethodSymbol routine) => routine.MethodKind == MethodKind.AnonymousFunction ? "lambda" : routine.Name;
}
