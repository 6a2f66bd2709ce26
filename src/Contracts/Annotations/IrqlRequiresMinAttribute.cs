namespace NetDma.Contracts.Annotations;

/// <summary>
/// SAL <c>_IRQL_requires_min_(irql)</c>: the member must be called at an IRQL of at least <see cref="Min"/>
/// (for example <c>KeLowerIrql</c> callers already run at a raised level). Source: irql-annotations-for-drivers.md.
/// </summary>
[AttributeUsage(AttributeTargets.Delegate | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class IrqlRequiresMinAttribute(Irql min) : Attribute
{
    /// <summary>The lowest IRQL at which the member may run.</summary>
    public Irql Min { get; } = min;
}
