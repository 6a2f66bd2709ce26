using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Host;

/// <summary>Where NetDMA wrote a chain in a channel's descriptor ring: the arguments of ProviderStartDma/ProviderAppendDma.</summary>
/// <param name="VirtualAddress">DescriptorVirtualAddress: the first descriptor's virtual address.</param>
/// <param name="PhysicalAddress">DescriptorPhysicalAddress: the first descriptor's physical address.</param>
/// <param name="Count">DescriptorCount.</param>
/// <param name="Descriptors">The physical address of every descriptor of the chain, in order.</param>
public sealed record SubmittedChain(VirtualAddress VirtualAddress, PhysicalAddress PhysicalAddress, uint Count, IReadOnlyList<PhysicalAddress> Descriptors);
