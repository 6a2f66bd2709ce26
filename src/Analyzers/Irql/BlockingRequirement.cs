using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using NetDma.Analyzers.Contracts;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// NDMA1002's sites: work that can block the processor, which needs IRQL &lt;= APC_LEVEL
/// (managing-hardware-priorities.md): the kernel's wait with a time-out that is not a constant 0, a C# <c>lock</c>,
/// <c>await</c>, and the .NET blocking members of <see cref="BlockingMembers"/>.
/// </summary>
internal sealed class BlockingRequirement : IrqlRequirementRule
{
    /// <summary>The highest level at which a thread may block.</summary>
    public const byte BlockingCeiling = IrqlRange.Apc;

    public BlockingRequirement(DiagnosticDescriptor descriptor) => Descriptor = descriptor;

    public override DiagnosticDescriptor Descriptor { get; }

    public override IEnumerable<IrqlSite> SitesOf(IrqlFunction function, IrqlCallEffects effects)
    {
        foreach (var observation in function.Flow.Observations)
        {
            if (Classify(observation.Operation, effects.Symbols) is { } blocking)
            {
                var ceiling = new IrqlRange(IrqlRange.Passive, BlockingCeiling);
                yield return new IrqlSite(blocking.Location, blocking.Subject, blocking.ShortName, IrqlLevels.FromRange(ceiling),
                    ceiling.DescribeRequirement(), observation.Before,
                    ImmutableDictionary<string, string?>.Empty.Add(IrqlDiagnosticProperties.BlockingKind, blocking.Kind));
            }
        }
    }

    private static (Location Location, string Subject, string ShortName, string Kind)? Classify(IOperation operation, ContractSymbols symbols)
    {
        switch (operation)
        {
            case IAwaitOperation:
                return (operation.Syntax.GetLocation(), "await", "await", BlockingKinds.Await);
            case IInvocationOperation invocation when KernelWait.Of(invocation, symbols) is { } wait:
                return wait.Kind == KernelWaitTimeout.Poll
                    ? null
                    : (invocation.Syntax.GetLocation(), wait.Describe(), KernelWait.RoutineName, BlockingKinds.KernelWait);
            case IInvocationOperation { IsImplicit: true } invocation when LockStatementOf(invocation) is { } lockStatement:
                return BlockingMembers.IsLockEntry(invocation.TargetMethod)
                    ? (LockHeader(lockStatement), "lock", "lock", BlockingKinds.Lock)
                    : null;
            case IInvocationOperation { IsImplicit: false } invocation when BlockingMembers.Describe(invocation.TargetMethod) is { } member:
                return (invocation.Syntax.GetLocation(), member, member, BlockingKinds.Member);
            case IPropertyReferenceOperation { IsImplicit: false } property when BlockingMembers.Describe(property.Property) is { } member:
                return (property.Syntax.GetLocation(), member, member, BlockingKinds.Member);
            default:
                return null;
        }
    }

    /// <summary>The <c>lock</c> statement whose entry the control-flow graph lowered to this implicit call, or null.</summary>
    private static LockStatementSyntax? LockStatementOf(IInvocationOperation invocation) =>
        invocation.Syntax.Parent is LockStatementSyntax statement && statement.Expression == invocation.Syntax ? statement : null;

    /// <summary><c>lock (gate)</c>: from the keyword to the closing parenthesis.</summary>
    public static Location LockHeader(LockStatementSyntax statement) =>
        Location.Create(statement.SyntaxTree, TextSpan.FromBounds(statement.LockKeyword.SpanStart, statement.CloseParenToken.Span.End));
}
