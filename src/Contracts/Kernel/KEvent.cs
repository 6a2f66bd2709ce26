namespace NetDma.Contracts.Kernel;

/// <summary>A kernel event (<c>KEVENT</c>). Opaque: the kernel keeps its signal state. Waiting on it with a non-zero time-out requires IRQL &lt;= APC_LEVEL.</summary>
public sealed class KEvent
{
}
