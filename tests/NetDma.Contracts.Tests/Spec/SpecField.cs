namespace NetDma.Contracts.Tests.Spec;

/// <summary>A <c>### -field Name</c> heading of a <c>## -struct-fields</c> or <c>## -enum-fields</c> section.</summary>
/// <param name="Name">The heading's name; nested members are dotted (<c>DCAContext32.DCAContext</c>).</param>
/// <param name="LinkedPages">Reference pages the field's text links to (<c>nc-wdm-pput_dma_adapter.md</c>), in order.</param>
internal sealed record SpecField(string Name, IReadOnlyList<string> LinkedPages);
