namespace NetDma.Contracts.Annotations;

/// <summary>Marks a C# enum that mirrors a DDI enumeration (an <c>ne-</c> page); member names are the DDI names, in order.</summary>
/// <param name="name">The enumeration name without the leading underscore, e.g. <c>NET_DMA_PNP_NOTIFICATION_CODE</c>.</param>
/// <param name="header">The header file.</param>
/// <param name="page">The reference page file name.</param>
[AttributeUsage(AttributeTargets.Enum, AllowMultiple = false)]
public sealed class DdiEnumAttribute(string name, string header, string page) : Attribute
{
    /// <summary>The DDI enumeration name.</summary>
    public string Name { get; } = name;

    /// <summary>The header file.</summary>
    public string Header { get; } = header;

    /// <summary>The reference page file name.</summary>
    public string Page { get; } = page;
}
