using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Exploration;

/// <summary>One descriptor the model submitted: where it copies from and to, its flags and what is known of it.</summary>
/// <param name="Source">Where it reads in the source buffer.</param>
/// <param name="Destination">The start of its own destination buffer.</param>
/// <param name="Length">TransferSize in bytes (the destination buffer's size).</param>
/// <param name="Interrupt">NET_DMA_INTERRUPT_ON_COMPLETION is set.</param>
/// <param name="StatusUpdate">NET_DMA_STATUS_UPDATE_ON_COMPLETION is set.</param>
internal sealed record ModelDescriptor(BufferRef Source, BufferRef Destination, uint Length, bool Interrupt, bool StatusUpdate)
{
    public DescriptorFate Fate { get; set; } = DescriptorFate.Pending;
}
