using NetDma.Contracts.Annotations;

namespace NetDma.Contracts.Tests.Spec;

/// <summary>A <c>### -param Name [tag]</c> heading of a page's <c>## -parameters</c> section.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Tag">The bracketed tag as written (<c>in, optional</c>), or empty when the heading has none.</param>
/// <param name="Direction">The direction the tag states, or null when it states none.</param>
/// <param name="Optional">True when the tag says <c>optional</c>.</param>
internal sealed record SpecParameter(string Name, string Tag, DdiParameterDirection? Direction, bool Optional);
