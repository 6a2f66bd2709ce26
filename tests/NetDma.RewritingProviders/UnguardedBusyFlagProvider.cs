using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.RewritingProviders;

/// <summary>
/// A check-then-act on the provider's own fields, with no kernel call, NetDMA call or simulated memory access between
/// the check and the act: ProviderAppendDma hands an append that arrives while another is in progress to that one
/// ("if (!busy) busy = true" without a lock), and the busy append forwards the hand-offs before it clears the flag.
/// Between the busy append finding no hand-off and clearing the flag, a second processor can still see the flag set
/// and hand its append over: that append is lost, and its descriptors never complete. Only instance-field accesses
/// separate the two steps, so only a rewritten copy (every field access a scheduling point) lets a schedule switch
/// processors there; unrewritten, every schedule passes.
/// </summary>
public sealed class UnguardedBusyFlagProvider : WrappedReferenceProvider
{
    private bool _appending;
    private (object Context, VirtualAddress Va, PhysicalAddress Pa, uint Count)? _handedOver;

    /// <inheritdoc/>
    protected override void Break(NetDmaProviderCharacteristics characteristics)
    {
        ArgumentNullException.ThrowIfNull(characteristics);
        var append = characteristics.AppendDma!;
        characteristics.AppendDma = (context, virtualAddress, physicalAddress, count) =>
        {
            if (_appending)
            {
                _handedOver = (context, virtualAddress, physicalAddress, count); // the busy append forwards it
                return NtStatus.STATUS_SUCCESS;
            }

            _appending = true;
            var status = append(context, virtualAddress, physicalAddress, count);
            while (_handedOver is { } next)
            {
                _handedOver = null;
                append(next.Context, next.Va, next.Pa, next.Count);
            }

            _appending = false; // the race: a hand-off made after the loop's last check is never forwarded
            return status;
        };
    }
}
