using System.Reflection;
using NetDma.ConformanceKit.Catalog;
using NetDma.Contracts.Kernel;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>
/// The IRQL requirement and page of one <see cref="IWdmKernel"/> routine, read once from the interface's attributes:
/// the <c>[Ddi]</c> contract when the routine has a page in the spec corpus, else its SAL-style IRQL attributes with
/// managing-hardware-priorities.md as the page. There is no second table: the attributes are the only source.
/// </summary>
/// <param name="Name">The routine name, e.g. <c>KeAcquireSpinLock</c>.</param>
/// <param name="Irql">The IRQL requirement.</param>
/// <param name="Page">The reference page violations cite.</param>
internal sealed record KernelRoutineContract(string Name, IrqlRequirement Irql, string Page)
{
    /// <summary>The page for kernel routines without a page of their own in the spec corpus.</summary>
    public const string DefaultPage = "managing-hardware-priorities.md";

    private static readonly Dictionary<string, KernelRoutineContract> ByName =
        typeof(IWdmKernel).GetMethods().ToDictionary(m => m.Name, Read, StringComparer.Ordinal);

    /// <summary>The contract of the <see cref="IWdmKernel"/> method named <paramref name="routine"/>.</summary>
    public static KernelRoutineContract Of(string routine) => ByName[routine];

    private static KernelRoutineContract Read(MethodInfo method) =>
        DdiContract.TryRead(method) is { } contract
            ? new KernelRoutineContract(method.Name, contract.Irql, contract.Page)
            : new KernelRoutineContract(method.Name, IrqlRequirement.Of(method), DefaultPage);
}
