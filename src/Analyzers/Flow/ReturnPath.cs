using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Flow;

/// <summary>One way a path leaves a routine through a <c>return</c>: the state on arrival and the returned value.</summary>
/// <param name="State">What the path knows when it returns.</param>
/// <param name="Value">The returned value (an NTSTATUS constant, or unknown).</param>
/// <param name="ReturnedExpression">The returned expression.</param>
internal sealed record ReturnPath(PathState State, AbstractValue Value, IOperation ReturnedExpression)
{
    /// <summary>The <c>return</c> statement, or the expression body that returns.</summary>
    public SyntaxNode ReturnSyntax =>
        ReturnedExpression.Syntax.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ReturnStatementSyntax statement ? statement : ReturnedExpression.Syntax;
}
