using System.Reflection;
using NetDma.Contracts.Annotations;

namespace NetDma.ConformanceKit.Catalog;

/// <summary>
/// One member of a DDI structure, as its <see cref="DdiFieldAttribute"/> states it. When the member's type is a part
/// of the structure documented on the same page (a union member or nested structure: a <see cref="DdiStructAttribute"/>
/// type with an empty page, such as <c>NET_DMA_DESCRIPTOR.DCAContext32</c>), <see cref="Nested"/> holds that part, whose
/// fields the page lists under dotted headings (<c>DCAContext32.DCAContext</c>).
/// </summary>
/// <param name="Name">The DDI member name (the C# member name), e.g. <c>ProcessorAffinityMask</c>.</param>
/// <param name="Order">1-based position in the structure (the page's order).</param>
/// <param name="FieldType">The member's C# type, with <see cref="Nullable{T}"/> unwrapped.</param>
/// <param name="Nested">The nested part, or null when the member is not one.</param>
/// <param name="Member">The reflected field or property.</param>
public sealed record DdiFieldContract(string Name, int Order, Type FieldType, DdiStructContract? Nested, MemberInfo Member)
{
    /// <summary>
    /// The member's name followed by its nested fields' dotted names, in order: <c>DCAContext16</c>,
    /// <c>DCAContext16.DCAContext</c>, <c>DCAContext16.Reserved</c> — the page's <c>### -field</c> headings.
    /// </summary>
    public IEnumerable<string> HeadingNames =>
        Nested is null ? [Name] : Nested.HeadingNames.Select(nested => $"{Name}.{nested}").Prepend(Name);
}
