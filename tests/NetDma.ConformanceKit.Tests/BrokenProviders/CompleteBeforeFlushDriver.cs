namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4011: completes the IRP of a transfer's last piece, then flushes it (nc-wdm-pflush_adapter_buffers.md:
/// FlushAdapterBuffers "before completing the IRP that requested the DMA transfer").
/// </summary>
public sealed class CompleteBeforeFlushDriver : BrokenWdmDriver
{
    protected override bool CompleteBeforeFlush => true;
}
