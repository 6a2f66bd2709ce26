using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Contracts;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// NDMA1001's sites: every call of a member (or delegate) whose contract states an IRQL, with that requirement. A
/// kernel wait with a zero time-out is checked against the poll ceiling (DISPATCH_LEVEL); the other kernel waits are
/// NDMA1002's (<see cref="KernelWait"/>).
/// </summary>
internal sealed class ContractCallRequirement : IrqlRequirementRule
{
    public ContractCallRequirement(DiagnosticDescriptor descriptor) => Descriptor = descriptor;

    public override DiagnosticDescriptor Descriptor { get; }

    public override IEnumerable<IrqlSite> SitesOf(IrqlFunction function, IrqlCallEffects effects)
    {
        foreach (var observation in function.Flow.Observations)
        {
            if (observation.Operation is not IInvocationOperation invocation)
            {
                continue;
            }

            if (KernelWait.Of(invocation, effects.Symbols) is { } wait)
            {
                if (wait.Kind == KernelWaitTimeout.Poll)
                {
                    var poll = new IrqlRange(IrqlRange.Passive, KernelWait.PollCeiling);
                    yield return new IrqlSite(invocation.Syntax.GetLocation(), wait.Describe(), KernelWait.RoutineName,
                        IrqlLevels.FromRange(poll), $"{poll.DescribeRequirement()} (managing-hardware-priorities.md)",
                        observation.Before, ImmutableDictionary<string, string?>.Empty);
                }

                continue;
            }

            if (effects.Reader.Read(invocation.TargetMethod) is not { Irql: { } irql } contract)
            {
                continue;
            }

            var requirement = contract.Page is null ? irql.DescribeRequirement() : $"{irql.DescribeRequirement()} ({contract.Page})";
            yield return new IrqlSite(invocation.Syntax.GetLocation(), contract.Role, contract.Role, IrqlLevels.FromRange(irql),
                requirement, observation.Before, ImmutableDictionary<string, string?>.Empty);
        }
    }
}
