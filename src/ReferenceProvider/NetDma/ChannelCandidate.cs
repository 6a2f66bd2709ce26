namespace NetDma.ReferenceProvider.NetDma;

/// <summary>A hardware channel ProviderAllocateDmaChannel may take, with the CPU its interrupt DPC would run on.</summary>
/// <param name="Channel">Hardware channel number, 0 .. channel count - 1.</param>
/// <param name="CpuNumber">CPU <b>number</b> (not a mask) for the channel's interrupt DPC: the value for <c>ChannelParameters.CpuNumber</c>.</param>
/// <param name="InterruptMatchesMask">
/// True when the channel's MSI-X message already targets <paramref name="CpuNumber"/>; false when the provider must
/// steer only the DPC there with KeSetTargetProcessorDpc.
/// </param>
public readonly record struct ChannelCandidate(int Channel, uint CpuNumber, bool InterruptMatchesMask);
