namespace NetDma.Contracts.Annotations;

/// <summary>
/// SAL <c>_IRQL_restores_</c>: the annotated parameter is an IRQL previously saved by a member marked
/// <see cref="IrqlSavesAttribute"/>; the member lowers the current IRQL back to it (<c>KeLowerIrql</c>,
/// <c>KeReleaseSpinLock</c>). Source: irql-annotations-for-drivers.md.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class IrqlRestoresAttribute : Attribute
{
}
