namespace NetDma.Contracts.Annotations;

/// <summary>
/// SAL <c>_IRQL_requires_(irql)</c>: the member runs at exactly <see cref="Level"/> ("Called at DISPATCH_LEVEL").
/// <see cref="Irql.DIRQL"/> means "at some device IRQL" (3..12). Source: irql-annotations-for-drivers.md.
/// </summary>
[AttributeUsage(AttributeTargets.Delegate | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class IrqlRequiresAttribute(Irql level) : Attribute
{
    /// <summary>The exact IRQL the member runs at.</summary>
    public Irql Level { get; } = level;
}
