using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetDma.Analyzers.Irql;

namespace NetDma.Analyzers.Rules;

/// <summary>
/// NDMA1003: paged pool (a constant <c>PoolType.PagedPool</c> argument, or ExFreePool of a block the same function
/// allocated from paged pool) where the IRQL can be above APC_LEVEL. Same IRQL inference as NDMA1001.
/// Source: managing-hardware-priorities.md.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NDMA1003PagedPoolAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleSource.Ids.PagedPoolAtPassiveOrApc,
        "{0} needs {1} but runs at {2} on {3} paths{4} ({5})",
        RuleDescriptors.IrqlCategory,
        "Above APC_LEVEL a page fault cannot be served. Code that can run at DISPATCH_LEVEL uses PoolType.NonPagedPoolNx.");

    private static readonly IrqlRequirementRule Requirement = new PagedPoolRequirement(Rule);

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
