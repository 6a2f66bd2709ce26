namespace NetDma.Analyzers.Protocol;

/// <summary>
/// How many map registers IoGetDmaAdapter can return for a DEVICE_DESCRIPTION.MaximumLength: the I/O manager "will
/// attempt to allocate enough map registers to accommodate a DMA transfer operation of this maximum size" and there is
/// "no guarantee a driver will receive the same number" (nf-wdm-iogetdmaadapter.md). A transfer of MaximumLength
/// bytes spans at most ceil(MaximumLength / PAGE_SIZE) + 1 pages (one more when it does not start on a page
/// boundary), one map register each, so no grant exceeds that. The kit's simulated adapter
/// (SimulatedDmaAdapter.MaximumMapRegistersFor) grants exactly this, capped at 64; the analyzer uses the uncapped
/// bound, so a request it reports exceeds every possible grant.
/// </summary>
internal static class MapRegisterModel
{
    /// <summary>PAGE_SIZE on x64 and ARM64: the bytes one map register maps.</summary>
    public const ulong PageSize = 4096;

    /// <summary>ceil(<paramref name="maximumLength"/> / 4096) + 1.</summary>
    public static ulong MaximumFor(ulong maximumLength) => ((maximumLength + PageSize - 1) / PageSize) + 1;
}
