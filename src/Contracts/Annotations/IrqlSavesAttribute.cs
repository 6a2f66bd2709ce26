namespace NetDma.Contracts.Annotations;

/// <summary>
/// SAL <c>_IRQL_saves_</c>: the annotated parameter or return value receives the IRQL that was current before the
/// member raised it (the <c>OldIrql</c> of <c>KeRaiseIrql</c> and <c>KeAcquireSpinLock</c>). The saved value must
/// later reach a parameter marked <see cref="IrqlRestoresAttribute"/>. Source: irql-annotations-for-drivers.md.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
public sealed class IrqlSavesAttribute : Attribute
{
}
