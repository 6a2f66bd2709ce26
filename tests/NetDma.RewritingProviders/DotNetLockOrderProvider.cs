using NetDma.Contracts.NetDma;

namespace NetDma.RewritingProviders;

/// <summary>
/// ProviderAppendDma, called at PASSIVE_LEVEL (no spin lock, so a .NET lock is allowed there), rebalances a descriptor
/// budget shared by the first two channels under both channels' .NET locks (<c>lock</c>). Whether two appends on the
/// two channels from two processors can deadlock depends on the order the locks are taken in
/// (<see cref="DotNetLockOrderInversionProvider"/> takes its own channel's first, <see cref="DotNetLockOrderedProvider"/>
/// always the first channel's first). Only the rewritten copy's locks are Coyote's, so only it can show the deadlock.
/// </summary>
public abstract class DotNetLockOrderProvider : WrappedReferenceProvider
{
    private readonly object[] _budgets = [new(), new()];
    private long _rebalances;

    /// <summary>True when each append takes its own channel's lock first (the inversion).</summary>
    protected abstract bool OwnLockFirst { get; }

    /// <summary>Rebalances done so far.</summary>
    public long Rebalances => _rebalances;

    /// <inheritdoc/>
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        ArgumentNullException.ThrowIfNull(characteristics);
        var append = characteristics.AppendDma!;
        var channels = AllocationOrder.RecordChannels(characteristics);
        characteristics.AppendDma = (context, virtualAddress, physicalAddress, count) =>
        {
            var own = channels.IndexOf(context);
            if (own is 0 or 1)
            {
                var first = OwnLockFirst ? own : 0;
                lock (_budgets[first])
                {
                    lock (_budgets[1 - first])
                    {
                        _rebalances++;
                    }
                }
            }

            return append(context, virtualAddress, physicalAddress, count);
        };
    }
}

/// <summary>The lock-order inversion on two .NET locks: each append takes its own channel's lock first.</summary>
public sealed class DotNetLockOrderInversionProvider : DotNetLockOrderProvider
{
    /// <inheritdoc/>
    protected override bool OwnLockFirst => true;
}

/// <summary>The correct twin: every append takes the first channel's lock first, so no wait closes a cycle.</summary>
public sealed class DotNetLockOrderedProvider : DotNetLockOrderProvider
{
    /// <inheritdoc/>
    protected override bool OwnLockFirst => false;
}
