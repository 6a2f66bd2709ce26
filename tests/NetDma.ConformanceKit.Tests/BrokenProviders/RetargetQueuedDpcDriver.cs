namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4017: its ISR queues the DPC, then calls KeSetTargetProcessorDpc for it; the call "must occur before the
/// call to KeInsertQueueDpc" (nf-wdm-kesettargetprocessordpc.md).
/// </summary>
public sealed class RetargetQueuedDpcDriver : BrokenWdmDriver
{
    protected override void AfterQueueingDpc() => Kernel.KeSetTargetProcessorDpc(Dpc, 1);
}
