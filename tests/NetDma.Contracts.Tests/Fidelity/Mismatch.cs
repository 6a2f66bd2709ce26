namespace NetDma.Contracts.Tests.Fidelity;

/// <summary>One disagreement between a reference page and the contract that cites it.</summary>
/// <param name="Page">The page's file name.</param>
/// <param name="Subject">What disagrees: a DDI, a parameter (<c>NetDmaIsr.pCpuNumber</c>), a member (<c>DMA_OPERATIONS.Size</c>).</param>
/// <param name="Aspect">Which property (<see cref="Aspects"/>).</param>
/// <param name="PageSays">What the page states.</param>
/// <param name="ContractSays">What the contract states.</param>
internal sealed record Mismatch(string Page, string Subject, string Aspect, string PageSays, string ContractSays)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Page} | {Subject} | {Aspect}: page says {PageSays}; contract says {ContractSays}";
}
