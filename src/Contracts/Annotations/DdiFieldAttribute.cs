namespace NetDma.Contracts.Annotations;

/// <summary>
/// Marks a member of a <see cref="DdiStructAttribute"/> type as the DDI structure member at position
/// <see cref="Order"/> (1-based, the page's order). Members without it (constants, helpers) are not part of the
/// mirrored layout. The member's C# name is the DDI member name.
/// </summary>
/// <param name="order">1-based position of the member in the DDI structure.</param>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
public sealed class DdiFieldAttribute(int order) : Attribute
{
    /// <summary>1-based position in the DDI structure.</summary>
    public int Order { get; } = order;
}
