namespace NetDma.Contracts.Wdm;

/// <summary><c>SCATTER_GATHER_LIST</c>: the pieces GetScatterGatherList built for a transfer, returned with PutScatterGatherList.</summary>
/// <param name="Elements">The pieces, in transfer order (<c>NumberOfElements</c> is their count).</param>
public sealed record ScatterGatherList(IReadOnlyList<ScatterGatherElement> Elements)
{
    /// <summary><c>NumberOfElements</c>.</summary>
    public uint NumberOfElements => (uint)Elements.Count;
}
