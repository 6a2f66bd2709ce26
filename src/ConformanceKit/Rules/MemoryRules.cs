namespace NetDma.ConformanceKit.Rules;

/// <summary>NDMA5xxx: memory, descriptors and pool. Each rule is stated once, in <c>src/Rules/RuleSource.cs</c>.</summary>
public static class MemoryRules
{
    /// <summary>NDMA5001: DMA stays inside allocated buffers.</summary>
    public static readonly Rule DmaInsideBuffers = RuleSource.DmaInsideBuffers;

    /// <summary>NDMA5002: Descriptors are 64-byte aligned and read whole.</summary>
    public static readonly Rule DescriptorAlignment = RuleSource.DescriptorAlignment;

    /// <summary>NDMA5003: Pool blocks freed once.</summary>
    public static readonly Rule PoolFreedOnce = RuleSource.PoolFreedOnce;

    /// <summary>NDMA5004: Data moved exactly as described.</summary>
    public static readonly Rule DataCopiedExactly = RuleSource.DataCopiedExactly;

    /// <summary>NDMA5005: Completion status written as documented.</summary>
    public static readonly Rule CompletionStatusWritten = RuleSource.CompletionStatusWritten;

    /// <summary>NDMA5006: No pool leak at removal.</summary>
    public static readonly Rule NoLeakAtRemove = RuleSource.NoLeakAtRemove;

    /// <summary>NDMA5007: No completion status for a descriptor without NET_DMA_STATUS_UPDATE_ON_COMPLETION.</summary>
    public static readonly Rule CompletionOnlyWhenRequested = RuleSource.CompletionOnlyWhenRequested;

    /// <summary>NDMA5008: Completion status Active while more remain, Idle after the last, Armed only before the first.</summary>
    public static readonly Rule CompletionStateMatchesProgress = RuleSource.CompletionStateMatchesProgress;

    /// <summary>NDMA5009: After ProviderResumeDma the engine rereads the last processed descriptor.</summary>
    public static readonly Rule ResumeRereadsLastDescriptor = RuleSource.ResumeRereadsLastDescriptor;

    /// <summary>NDMA5010: UserContext1 and UserContext2 are left to NetDMA.</summary>
    public static readonly Rule UserContextUntouched = RuleSource.UserContextUntouched;

    /// <summary>NDMA5011: NET_DMA_SERIALIZE_TRANSFER: writes complete before the next descriptor's data is read.</summary>
    public static readonly Rule SerializeTransferOrder = RuleSource.SerializeTransferOrder;

    /// <summary>NDMA5012: Page breaks continue at NextSourceAddress / NextDestinationAddress.</summary>
    public static readonly Rule PageBreakFollowed = RuleSource.PageBreakFollowed;

    /// <summary>NDMA5013: A context change descriptor moves no data.</summary>
    public static readonly Rule ContextChangeMovesNoData = RuleSource.ContextChangeMovesNoData;

    /// <summary>NDMA5015: A failed ProviderAllocateDmaChannel releases the pool it allocated.</summary>
    public static readonly Rule FailedAllocationReleases = RuleSource.FailedAllocationReleases;

    /// <summary>NDMA5017: The engine goes idle after the submitted descriptors.</summary>
    public static readonly Rule EngineGoesIdle = RuleSource.EngineGoesIdle;

    /// <summary>Every rule of the area, in ID order.</summary>
    public static IReadOnlyList<Rule> All { get; } =
        [DmaInsideBuffers, DescriptorAlignment, PoolFreedOnce, DataCopiedExactly, CompletionStatusWritten, NoLeakAtRemove,
         CompletionOnlyWhenRequested, CompletionStateMatchesProgress, ResumeRereadsLastDescriptor, UserContextUntouched, SerializeTransferOrder, PageBreakFollowed, ContextChangeMovesNoData, FailedAllocationReleases, EngineGoesIdle];
}
