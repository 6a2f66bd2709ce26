using System.Reflection;
using NetDma.Contracts.Annotations;

namespace NetDma.ConformanceKit.Catalog;

/// <summary>
/// A DDI structure as its <see cref="DdiStructAttribute"/> and the <see cref="DdiFieldAttribute"/>s of its members
/// state it: the structure name, header, reference page (an <c>ns-</c> page; empty for a part documented on its
/// parent's page) and the members in the page's order.
/// </summary>
/// <param name="Name">The structure name without the leading underscore, e.g. <c>NET_DMA_CHANNEL_PARAMETERS</c>.</param>
/// <param name="Header">The header file, e.g. <c>netdma.h</c>.</param>
/// <param name="Page">The reference page file name, or empty for a nested part.</param>
/// <param name="Fields">The members ordered by <see cref="DdiFieldAttribute.Order"/>.</param>
/// <param name="Type">The C# type it was read from.</param>
public sealed record DdiStructContract(string Name, string Header, string Page, IReadOnlyList<DdiFieldContract> Fields, Type Type)
{
    /// <summary>True for a nested part (union member or inner structure) documented on its parent's page.</summary>
    public bool IsPart => Page.Length == 0;

    /// <summary>
    /// The page's <c>### -field</c> headings this structure should have, in order: each member's name, and after a
    /// nested part its fields' dotted names (see <see cref="DdiFieldContract.HeadingNames"/>).
    /// </summary>
    public IEnumerable<string> HeadingNames => Fields.SelectMany(member => member.HeadingNames);

    /// <summary>Reads the structure contract of <paramref name="type"/>, or null when it carries no <see cref="DdiStructAttribute"/>.</summary>
    /// <exception cref="InvalidOperationException">The <see cref="DdiFieldAttribute.Order"/> values of the members are
    /// not exactly 1..n, so the page order cannot be known.</exception>
    public static DdiStructContract? TryRead(Type type)
    {
        if (type.GetCustomAttribute<DdiStructAttribute>() is not { } attribute)
        {
            return null;
        }

        const BindingFlags Instance = BindingFlags.Public | BindingFlags.Instance;
        var fields = type.GetFields(Instance).Cast<MemberInfo>()
            .Concat(type.GetProperties(Instance))
            .Select(member => (Member: member, Attribute: member.GetCustomAttribute<DdiFieldAttribute>()))
            .Where(pair => pair.Attribute is not null)
            .Select(pair => ReadField(pair.Member, pair.Attribute!.Order))
            .OrderBy(field => field.Order)
            .ToList();

        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Order != i + 1)
            {
                throw new InvalidOperationException(
                    $"{attribute.Name} ({type.FullName}): [DdiField] orders must be 1..{fields.Count} without gaps or " +
                    $"repeats; position {i + 1} holds {fields[i].Name} with order {fields[i].Order}.");
            }
        }

        return new DdiStructContract(attribute.Name, attribute.Header, attribute.Page, fields, type);
    }

    private static DdiFieldContract ReadField(MemberInfo member, int order)
    {
        var declared = member switch
        {
            FieldInfo field => field.FieldType,
            PropertyInfo property => property.PropertyType,
            _ => throw new InvalidOperationException($"{member.Name} is neither a field nor a property."),
        };
        var fieldType = Nullable.GetUnderlyingType(declared) ?? declared;
        var nested = TryRead(fieldType) is { IsPart: true } part ? part : null;
        return new DdiFieldContract(member.Name, order, fieldType, nested, member);
    }
}
