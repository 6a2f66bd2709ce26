using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>
/// One acquisition of a spin lock by a processor, released by KeReleaseSpinLock or, when its routine returns
/// still holding it, by the kernel's repair after reporting NDMA1006.
/// </summary>
/// <param name="Lock">The lock.</param>
/// <param name="Number">The lock's number in reports (<c>spin lock #2</c>).</param>
/// <param name="SavedIrql">The IRQL KeAcquireSpinLock saved.</param>
/// <param name="Sequence">Global acquisition number, to tell holds taken inside a routine from its caller's.</param>
/// <param name="Routine">The routine that acquired it.</param>
/// <param name="Contended">True when another processor already held the lock (the acquire could never have completed).</param>
internal readonly record struct SpinLockHold(KSpinLock Lock, int Number, Irql SavedIrql, long Sequence, string Routine, bool Contended);
