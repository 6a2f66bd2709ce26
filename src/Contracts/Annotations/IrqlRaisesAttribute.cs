namespace NetDma.Contracts.Annotations;

/// <summary>
/// SAL <c>_IRQL_raises_(irql)</c>: the member returns with the current processor's IRQL raised to
/// <see cref="Level"/> (spin-lock acquire raises to DISPATCH_LEVEL). When <see cref="Level"/> is
/// <see langword="null"/> the new level is the member's <c>NewIrql</c> argument (<c>KeRaiseIrql</c>).
/// Source: irql-annotations-for-drivers.md.
/// </summary>
[AttributeUsage(AttributeTargets.Delegate | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class IrqlRaisesAttribute : Attribute
{
    /// <summary>Raises to the level given by the member's <c>NewIrql</c> argument.</summary>
    public IrqlRaisesAttribute() { }

    /// <summary>Raises to the fixed <paramref name="level"/>.</summary>
    public IrqlRaisesAttribute(Irql level) => Level = level;

    /// <summary>The level raised to, or <see langword="null"/> when it is the <c>NewIrql</c> argument.</summary>
    public Irql? Level { get; }
}
