namespace NetDma.ReferenceProvider.NetDma;

/// <summary>
/// How ProviderAllocateDmaChannel chooses a hardware channel and the CPU of its interrupt DPC from
/// <c>ChannelParameters.ProcessorAffinityMask</c> (a bitmap of CPU numbers): first a channel whose MSI-X interrupt
/// already targets a CPU in the mask; otherwise any channel, with its DPC moved by KeSetTargetProcessorDpc to a CPU in
/// the mask. Source: nc-netdma-dma_channel_allocate_handler.md (remarks), allocating-a-netdma-channel.md; rules
/// NDMA3003, NDMA3004.
/// </summary>
public static class ChannelSelection
{
    /// <summary>Bits in <c>ProcessorAffinityMask</c> (a ULONG): CPU numbers 0 .. 31.</summary>
    public const int MaskBits = 32;

    /// <summary>
    /// True when CPU <paramref name="cpuNumber"/> is an active processor whose bit is set in
    /// <paramref name="processorAffinityMask"/>.
    /// </summary>
    /// <param name="cpuNumber">A CPU number.</param>
    /// <param name="processorAffinityMask">Bit n set means CPU n may be used.</param>
    /// <param name="activeProcessorCount">KeQueryActiveProcessorCount: CPU numbers are 0 .. count - 1.</param>
    public static bool IsUsable(uint cpuNumber, uint processorAffinityMask, uint activeProcessorCount) =>
        cpuNumber < MaskBits && cpuNumber < activeProcessorCount && (processorAffinityMask & (1u << (int)cpuNumber)) != 0;

    /// <summary>
    /// The lowest CPU number that <see cref="IsUsable"/> accepts, or null when the mask names no active processor.
    /// The lowest is chosen so that the choice is deterministic.
    /// </summary>
    /// <param name="processorAffinityMask">Bit n set means CPU n may be used.</param>
    /// <param name="activeProcessorCount">KeQueryActiveProcessorCount.</param>
    public static uint? LowestUsableCpu(uint processorAffinityMask, uint activeProcessorCount)
    {
        for (uint cpu = 0; cpu < MaskBits; cpu++)
        {
            if (IsUsable(cpu, processorAffinityMask, activeProcessorCount))
            {
                return cpu;
            }
        }

        return null;
    }

    /// <summary>
    /// Every channel the allocation may take, best first: channels whose MSI-X message targets a usable CPU (that CPU,
    /// <see cref="ChannelCandidate.InterruptMatchesMask"/> true), then every other channel with the lowest usable CPU.
    /// The caller takes the first candidate that is free. Empty when the mask names no active processor and no
    /// interrupt matches.
    /// </summary>
    /// <param name="interruptCpuPerChannel">
    /// Per hardware channel, the target CPU of its MSI-X message, or null for a line-based interrupt (whose CPU the
    /// platform chooses, so it never matches).
    /// </param>
    /// <param name="processorAffinityMask">Bit n set means CPU n may be used.</param>
    /// <param name="activeProcessorCount">KeQueryActiveProcessorCount.</param>
    public static IReadOnlyList<ChannelCandidate> Rank(
        IReadOnlyList<uint?> interruptCpuPerChannel,
        uint processorAffinityMask,
        uint activeProcessorCount)
    {
        ArgumentNullException.ThrowIfNull(interruptCpuPerChannel);
        var candidates = new List<ChannelCandidate>(interruptCpuPerChannel.Count);
        var matched = new bool[interruptCpuPerChannel.Count];
        for (var channel = 0; channel < interruptCpuPerChannel.Count; channel++)
        {
            if (interruptCpuPerChannel[channel] is { } cpu && IsUsable(cpu, processorAffinityMask, activeProcessorCount))
            {
                candidates.Add(new ChannelCandidate(channel, cpu, InterruptMatchesMask: true));
                matched[channel] = true;
            }
        }

        if (LowestUsableCpu(processorAffinityMask, activeProcessorCount) is { } dpcCpu)
        {
            for (var channel = 0; channel < interruptCpuPerChannel.Count; channel++)
            {
                if (!matched[channel])
                {
                    candidates.Add(new ChannelCandidate(channel, dpcCpu, InterruptMatchesMask: false));
                }
            }
        }

        return candidates;
    }
}
