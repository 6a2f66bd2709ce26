namespace NetDma.ConformanceKit.Requirements;

/// <summary>
/// One normative statement of one Microsoft reference page (a must, should, only, never, an ordering, an IRQL, a status
/// set, a field value), as the requirement catalog records it (<c>src/ConformanceKit/Requirements/Catalog/*.json</c>).
/// </summary>
/// <param name="Id">Its stable ID: the page's key and its position on the page, e.g. <c>ALLOCATE-3</c>.</param>
/// <param name="Page">The page, relative to <c>shared/spec</c>, e.g. <c>ddi/netdma/nc-netdma-dma_channel_allocate_handler.md</c>.</param>
/// <param name="Quote">The page's own words the row is anchored to (a test finds them on the page).</param>
/// <param name="Text">The requirement in one line, in the kit's words.</param>
/// <param name="Binds">Whether it binds the driver under test or the system.</param>
/// <param name="Rules">The rule IDs whose checks verify it (may be empty).</param>
/// <param name="Status">How far the kit verifies it (computed from the rules' proofs when <paramref name="Rules"/> is not empty).</param>
/// <param name="Reason">Why, for <see cref="RequirementStatus.Host"/>, <see cref="RequirementStatus.Undecidable"/> and <see cref="RequirementStatus.NotModelled"/>; otherwise null.</param>
public sealed record Requirement(
    string Id, string Page, string Quote, string Text, RequirementBinding Binds, IReadOnlyList<string> Rules, RequirementStatus Status, string? Reason)
{
    /// <summary>The page's file name, as rules and reports cite it (<c>nc-netdma-dma_channel_allocate_handler.md</c>).</summary>
    public string PageName => Path.GetFileName(Page);
}
