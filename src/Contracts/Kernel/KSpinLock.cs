namespace NetDma.Contracts.Kernel;

/// <summary>A spin lock (<c>KSPIN_LOCK</c>). Acquiring raises the processor to DISPATCH_LEVEL; release restores the saved IRQL. Opaque: the kernel keeps the owner.</summary>
public sealed class KSpinLock
{
}
