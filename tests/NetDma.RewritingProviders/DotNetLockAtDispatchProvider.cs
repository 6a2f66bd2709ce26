using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;

namespace NetDma.RewritingProviders;

/// <summary>
/// Takes a .NET <c>lock</c> while it holds a kernel spin lock, that is at DISPATCH_LEVEL: ProviderAppendDma counts
/// appends in a statistics object guarded by a C# lock inside the spin lock's region. Code at DISPATCH_LEVEL cannot
/// wait (managing-hardware-priorities.md; rule NDMA1002); the analyzer flags it at compile time, and under schedule
/// exploration the kit sees the rewritten lock's acquire at run time.
/// </summary>
public sealed class DotNetLockAtDispatchProvider : WrappedReferenceProvider
{
    private readonly KSpinLock _statisticsLock = new();
    private readonly object _statistics = new();
    private long _appends;

    /// <summary>Appends counted so far.</summary>
    public long Appends => _appends;

    /// <inheritdoc/>
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        ArgumentNullException.ThrowIfNull(characteristics);
        var append = characteristics.AppendDma!;
        characteristics.AppendDma = (context, virtualAddress, physicalAddress, count) =>
        {
            Kernel.KeAcquireSpinLock(_statisticsLock, out var oldIrql);
            lock (_statistics)
            {
                _appends++;
            }

            Kernel.KeReleaseSpinLock(_statisticsLock, oldIrql);
            return append(context, virtualAddress, physicalAddress, count);
        };
    }
}
