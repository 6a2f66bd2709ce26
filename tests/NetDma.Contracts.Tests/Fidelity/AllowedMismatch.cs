namespace NetDma.Contracts.Tests.Fidelity;

/// <summary>A documented disagreement between a page and its contract that the project decided to keep.</summary>
/// <param name="Page">The page's file name.</param>
/// <param name="Aspect">The compared property (<see cref="Aspects"/>).</param>
/// <param name="Subjects">The subjects it covers, exactly as the check names them.</param>
/// <param name="Why">The decision and its reason.</param>
internal sealed record AllowedMismatch(string Page, string Aspect, string[] Subjects, string Why)
{
    /// <summary>True when this entry covers <paramref name="mismatch"/>.</summary>
    public bool Covers(Mismatch mismatch) =>
        mismatch.Page == Page && mismatch.Aspect == Aspect && Subjects.Contains(mismatch.Subject);
}
