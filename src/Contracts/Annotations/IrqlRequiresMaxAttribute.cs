namespace NetDma.Contracts.Annotations;

/// <summary>
/// SAL <c>_IRQL_requires_max_(irql)</c>: the member may be called, or is called, at an IRQL no higher than
/// <see cref="Max"/>. On a callback type it is the level the caller guarantees; on a function it is the level the
/// caller must respect. Example: "NetDMA calls ProviderAllocateDmaChannel at IRQL &lt;= DISPATCH_LEVEL".
/// Source: irql-annotations-for-drivers.md.
/// </summary>
[AttributeUsage(AttributeTargets.Delegate | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class IrqlRequiresMaxAttribute(Irql max) : Attribute
{
    /// <summary>The highest IRQL at which the member may run.</summary>
    public Irql Max { get; } = max;
}
