namespace NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;

/// <summary>
/// The reference provider whose ProviderAppendDma ends its process with <see cref="System.Environment.FailFast(string)"/>
/// when it finds another ProviderAppendDma running: an "impossible" state a driver asserts on. The reference append
/// takes the channel's spin lock (a scheduling point), so two appends on two processors overlap only when a schedule
/// switches processors inside the first; one call at a time they never do, and every script passes.
/// </summary>
/// <remarks>
/// The count is a plain field: the kit runs one controlled operation at a time, and the provider is not rewritten, so
/// its accesses are not scheduling points of their own. Loaded only in a worker process (it ends the process it runs in).
/// </remarks>
public sealed class InterleavedFailFastProvider : BrokenNetDmaProvider
{
    /// <summary>The message FailFast prints; the kit's report quotes the worker's last output.</summary>
    public const string Message = "two appends in flight at once";

    private int _appending;

    protected override void Break(global::NetDma.Contracts.NetDma.NetDmaProviderCharacteristics characteristics)
    {
        var append = characteristics.AppendDma!;
        characteristics.AppendDma = (context, virtualAddress, physicalAddress, count) =>
        {
            if (++_appending > 1)
            {
                System.Environment.FailFast(Message);
            }

            try
            {
                return append(context, virtualAddress, physicalAddress, count);
            }
            finally
            {
                _appending--;
            }
        };
    }
}
