using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// One IRQL requirement rule (NDMA1001, NDMA1002, NDMA1003) as <see cref="IrqlRequirementEngine"/> runs it: which
/// points of a function carry a requirement. The engine does the rest (direct checks, propagation, messages).
/// </summary>
/// <remarks>
/// The rule's message format takes, in order: {0} the subject, {1} the requirement, {2} the forbidden levels reached,
/// {3} <c>all</c> or <c>some</c>, {4} the call chain (<c> through A -&gt; B -&gt; C</c>, or empty), {5} why those levels
/// are reached.
/// </remarks>
internal abstract class IrqlRequirementRule
{
    public abstract DiagnosticDescriptor Descriptor { get; }

    /// <summary>The requirement sites of <paramref name="function"/>.</summary>
    public abstract IEnumerable<IrqlSite> SitesOf(IrqlFunction function, IrqlCallEffects effects);
}
