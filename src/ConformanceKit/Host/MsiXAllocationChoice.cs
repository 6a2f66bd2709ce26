namespace NetDma.ConformanceKit.Host;

/// <summary>
/// What a ProviderAllocateDmaChannel on an MSI-X platform could choose from, recorded when NetDMA calls it and judged
/// when the channel's first interrupt shows which channel it took (NDMA3026).
/// </summary>
/// <param name="MatchingMessages">Granted MSI-X messages whose target CPU is in the allocation's ProcessorAffinityMask.</param>
/// <param name="LiveAtAllocation">The channels already live when NetDMA called ProviderAllocateDmaChannel.</param>
internal sealed record MsiXAllocationChoice(int MatchingMessages, IReadOnlyList<HostChannel> LiveAtAllocation);
