using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetDma.Analyzers.Irql;

namespace NetDma.Analyzers.Rules;

/// <summary>
/// NDMA1001: a call to a member whose contract requires a maximum, exact or minimum IRQL, from code that can run at an
/// IRQL outside it (PREfast C28120/C28121/C28122/C28123). The calling code's IRQL comes from the contract it implements,
/// the contract delegate it is converted to, raises inside it tracked through its control-flow graph, and, for
/// private and internal helpers, local functions and lambdas, from its callers (reported at the call that brings the
/// IRQL in, with the chain). Source: irql-annotations-for-drivers.md.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NDMA1001IrqlCallAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleSource.Ids.CallAtContractIrql,
        "{0} requires {1} but is called at {2} on {3} paths{4} ({5})",
        RuleDescriptors.IrqlCategory,
        "The IRQL of the calling code comes from the contract it implements, the contract delegate it is converted to, "
        + "raises and restores inside it, and the callers of private helpers.");

    private static readonly IrqlRequirementRule Requirement = new ContractCallRequirement(Rule);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        IrqlRequirementEngine.Register(context, Requirement);
    }
}
