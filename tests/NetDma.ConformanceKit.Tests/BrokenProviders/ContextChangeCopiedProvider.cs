using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA5013: its engine ignores the operation type in ControlFlags (NET_DMA_OP_TYPE_MASK) and treats a
/// NET_DMA_OP_TYPE_CONTEXT_CHANGE descriptor as a copy of TransferSize (the DCA context) bytes.
/// </summary>
public sealed class ContextChangeCopiedProvider : BrokenNetDmaProvider
{
    protected override IDeviceBus WrapBus(IDeviceBus bus) => new NoOpType(bus);

    private sealed class NoOpType(IDeviceBus inner) : DescriptorImageBus(inner)
    {
        // ControlFlags is bytes 4..7 (little-endian); NET_DMA_OP_TYPE_MASK is its top byte.
        protected override void Misread(Span<byte> descriptor) => descriptor[7] = 0;
    }
}
