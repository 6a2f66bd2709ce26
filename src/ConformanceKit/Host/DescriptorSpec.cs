using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Host;

/// <summary>One descriptor NetDMA is asked to submit: copy <paramref name="Length"/> bytes from source to destination.</summary>
/// <param name="Source">Physical address of the source bytes.</param>
/// <param name="Destination">Physical address of the destination bytes.</param>
/// <param name="Length">Bytes to copy (TransferSize).</param>
/// <param name="Flags">NET_DMA_DESCRIPTOR.ControlFlags.</param>
public readonly record struct DescriptorSpec(PhysicalAddress Source, PhysicalAddress Destination, uint Length, NetDmaDescriptorControlFlags Flags);
