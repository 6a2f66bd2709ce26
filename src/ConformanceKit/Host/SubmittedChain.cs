using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Host;

/// <summary>
/// Where NetDMA wrote a chain in a channel's descriptor ring: the arguments of ProviderStartDma/ProviderAppendDma. The
/// chain's descriptors sit in consecutive 64-byte slots of the ring, so the chain is a value: submitting one allocates nothing.
/// </summary>
/// <param name="VirtualAddress">DescriptorVirtualAddress: the first descriptor's virtual address.</param>
/// <param name="PhysicalAddress">DescriptorPhysicalAddress: the first descriptor's physical address.</param>
/// <param name="Count">DescriptorCount.</param>
public readonly record struct SubmittedChain(VirtualAddress VirtualAddress, PhysicalAddress PhysicalAddress, uint Count)
{
    /// <summary>The physical address of the chain's descriptor <paramref name="index"/> (0 for the first).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public PhysicalAddress Descriptor(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, Count, nameof(index));
        return PhysicalAddress.Offset((ulong)index * NetDmaDescriptor.SizeInBytes);
    }

    /// <summary>The physical address of the chain's last descriptor.</summary>
    public PhysicalAddress Last => Descriptor((int)Count - 1);
}
