using System.Reflection;
using NetDma.Contracts.Annotations;

namespace NetDma.ConformanceKit.Catalog;

/// <summary>
/// A DDI enumeration as its <see cref="DdiEnumAttribute"/> states it: the name, header, reference page (an
/// <c>ne-</c> page) and the member names in declaration order, which is the page's order.
/// </summary>
/// <param name="Name">The enumeration name without the leading underscore, e.g. <c>IO_ALLOCATION_ACTION</c>.</param>
/// <param name="Header">The header file.</param>
/// <param name="Page">The reference page file name.</param>
/// <param name="Members">The member names in declaration order.</param>
/// <param name="Type">The C# enum type it was read from.</param>
public sealed record DdiEnumContract(string Name, string Header, string Page, IReadOnlyList<string> Members, Type Type)
{
    /// <summary>Reads the enumeration contract of <paramref name="type"/>, or null when it carries no <see cref="DdiEnumAttribute"/>.</summary>
    public static DdiEnumContract? TryRead(Type type)
    {
        if (!type.IsEnum || type.GetCustomAttribute<DdiEnumAttribute>() is not { } attribute)
        {
            return null;
        }

        // Reflection does not promise declaration order; metadata tokens of a type's fields follow it.
        var members = type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .OrderBy(field => field.MetadataToken)
            .Select(field => field.Name)
            .ToList();
        return new DdiEnumContract(attribute.Name, attribute.Header, attribute.Page, members, type);
    }
}
