using NetDma.Contracts.NetDma;

namespace NetDma.RewritingProviders;

/// <summary>
/// Holds a .NET lock across a wait for a signal only the other processor sends: ProviderAppendDma (at PASSIVE_LEVEL)
/// on the first channel takes the channel table's lock and then waits (<c>Monitor.Wait</c>) for the second channel's
/// append to say its descriptors are linked; that append needs the table's lock before it can say so. When the first
/// append runs first, neither goes on: a deadlock Coyote sees in the rewritten copy, with one processor holding a lock
/// and waiting for a pulse, the other waiting for that lock.
/// </summary>
public sealed class DotNetLockAcrossWaitProvider : WrappedReferenceProvider
{
    private readonly object _table = new();
    private readonly object _linked = new();
    private bool _secondLinked;

    /// <inheritdoc/>
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        ArgumentNullException.ThrowIfNull(characteristics);
        var append = characteristics.AppendDma!;
        var channels = AllocationOrder.RecordChannels(characteristics);
        characteristics.AppendDma = (context, virtualAddress, physicalAddress, count) =>
        {
            var channel = channels.IndexOf(context);
            if (channel == 0)
            {
                lock (_table)
                {
                    lock (_linked)
                    {
                        while (!_secondLinked)
                        {
                            Monitor.Wait(_linked); // releases _linked, keeps _table
                        }
                    }
                }
            }
            else if (channel == 1)
            {
                lock (_table)
                {
                    lock (_linked)
                    {
                        _secondLinked = true;
                        Monitor.PulseAll(_linked);
                    }
                }
            }

            return append(context, virtualAddress, physicalAddress, count);
        };
    }
}
