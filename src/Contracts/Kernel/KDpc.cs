namespace NetDma.Contracts.Kernel;

/// <summary>A DPC object (<c>KDPC</c>). Allocate one per deferred routine (<c>new KDpc()</c>), initialize it with KeInitializeDpc, queue it with KeInsertQueueDpc. Opaque: the kernel keeps its state (routine, target processor, queued flag). Source: nf-wdm-keinitializedpc.md.</summary>
public sealed class KDpc
{
}
