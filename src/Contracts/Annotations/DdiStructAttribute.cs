namespace NetDma.Contracts.Annotations;

/// <summary>
/// Marks a C# type that mirrors a DDI structure (an <c>ns-</c> page). Its public fields or properties carry the
/// DDI member names in the page's order (declaration order); a union member or nested structure is a member
/// whose type is itself marked with this attribute (its page headings are dotted: <c>DCAContext32.DCAContext</c>).
/// </summary>
/// <param name="name">The structure name without the leading underscore, e.g. <c>NET_DMA_CHANNEL_PARAMETERS</c>.</param>
/// <param name="header">The header file.</param>
/// <param name="page">The reference page file name; empty for a nested part of a structure documented on its parent's page.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false)]
public sealed class DdiStructAttribute(string name, string header, string page) : Attribute
{
    /// <summary>The DDI structure name.</summary>
    public string Name { get; } = name;

    /// <summary>The header file.</summary>
    public string Header { get; } = header;

    /// <summary>The reference page file name.</summary>
    public string Page { get; } = page;
}
