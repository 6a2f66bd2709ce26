using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetDma.Analyzers.Contracts;

namespace NetDma.Analyzers.Irql;

/// <summary>
/// A call of the kernel's blocking wait (<c>IWdmKernel.KeWaitForSingleObject</c>) and its time-out. The wait's contract
/// says IRQL &lt;= APC_LEVEL; a zero time-out is a poll that does not block and is allowed up to DISPATCH_LEVEL
/// (managing-hardware-priorities.md, as the conformance kit's simulated kernel decides it): NDMA1002 reports the
/// blocking waits, NDMA1001 a poll above DISPATCH_LEVEL.
/// </summary>
internal sealed class KernelWait
{
    /// <summary>The routine's name and the name of its time-out parameter (IWdmKernel.KeWaitForSingleObject).</summary>
    public const string RoutineName = "KeWaitForSingleObject";

    public const string TimeoutParameterName = "Timeout";

    /// <summary>The highest level a poll (time-out 0) may run at.</summary>
    public const byte PollCeiling = IrqlRange.Dispatch;

    private KernelWait(IInvocationOperation invocation, IArgumentOperation timeout, KernelWaitTimeout kind)
    {
        Invocation = invocation;
        Timeout = timeout;
        Kind = kind;
    }

    public IInvocationOperation Invocation { get; }

    public IArgumentOperation Timeout { get; }

    public KernelWaitTimeout Kind { get; }

    /// <summary>How messages name the wait: <c>KeWaitForSingleObject with an infinite time-out</c>.</summary>
    public string Describe() => Kind switch
    {
        KernelWaitTimeout.Poll => $"{RoutineName} with a zero time-out",
        KernelWaitTimeout.Infinite => $"{RoutineName} with an infinite time-out",
        KernelWaitTimeout.NonZero => $"{RoutineName} with a non-zero time-out",
        _ => $"{RoutineName} with a time-out that can be non-zero",
    };

    /// <summary>The kernel wait <paramref name="invocation"/> is, or null.</summary>
    public static KernelWait? Of(IInvocationOperation invocation, ContractSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (method.Name != RoutineName || symbols.IWdmKernel is not { } kernel || !IsKernelMember(method, kernel))
        {
            return null;
        }

        var timeout = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == TimeoutParameterName);
        return timeout is null ? null : new KernelWait(invocation, timeout, Classify(timeout.Value));
    }

    private static bool IsKernelMember(IMethodSymbol method, INamedTypeSymbol kernel) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingType, kernel)
        || method.ContainingType.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, kernel));

    private static bool IsZero(object constant) =>
        System.Convert.ToDecimal(constant, System.Globalization.CultureInfo.InvariantCulture) == 0;

    private static KernelWaitTimeout Classify(IOperation value)
    {
        while (true)
        {
            if (value.ConstantValue.HasValue)
            {
                return value.ConstantValue.Value switch
                {
                    null => KernelWaitTimeout.Infinite,
                    sbyte or byte or short or ushort or int or uint or long or ulong or char => IsZero(value.ConstantValue.Value)
                        ? KernelWaitTimeout.Poll
                        : KernelWaitTimeout.NonZero,
                    _ => KernelWaitTimeout.Computed,
                };
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    continue;
                case IDefaultValueOperation when value.Type is { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }:
                    return KernelWaitTimeout.Infinite;
                case IDefaultValueOperation:
                    return KernelWaitTimeout.Poll;
                default:
                    return KernelWaitTimeout.Computed;
            }
        }
    }
}
