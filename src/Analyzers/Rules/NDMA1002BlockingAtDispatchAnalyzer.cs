using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetDma.Analyzers.Irql;

namespace NetDma.Analyzers.Rules;

/// <summary>
/// NDMA1002: blocking work where the IRQL can be DISPATCH_LEVEL or higher: a C# <c>lock</c>, Monitor.Enter/Wait,
/// Thread.Sleep, Task.Wait/Result, GetAwaiter().GetResult(), <c>await</c>, SemaphoreSlim.Wait and the kernel's
/// KeWaitForSingleObject with a time-out that is not a constant 0 (a poll is allowed at DISPATCH_LEVEL). Same IRQL
/// inference as NDMA1001. Source: managing-hardware-priorities.md.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NDMA1002BlockingAtDispatchAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        RuleSource.Ids.NoBlockingWaitAtDispatch,
        "{0} can block and needs {1} but runs at {2} on {3} paths{4} ({5})",
        RuleDescriptors.IrqlCategory,
        "Reported: a lock statement, Monitor, Thread.Sleep, synchronous Task wait, await or kernel wait. Use a kernel spin lock, "
        + "or poll with a zero time-out.");

    private static readonly IrqlRequirementRule Requirement = new BlockingRequirement(Rule);

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
