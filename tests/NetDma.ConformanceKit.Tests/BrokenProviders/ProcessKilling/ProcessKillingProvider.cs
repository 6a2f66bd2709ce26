using NetDma.Contracts.NetDma;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;

/// <summary>
/// The reference provider whose ProviderAllocateDmaChannel does something no exception handler survives. These
/// providers end the process they run in: the tests only ever load them in a worker process
/// (<c>WorkerScriptRunner</c>), never in the test host.
/// </summary>
public abstract class ProcessKillingProvider : BrokenNetDmaProvider
{
    /// <summary>What the handler does instead of allocating; it does not return normally.</summary>
    protected abstract void Misbehave();

    protected sealed override void Break(NetDmaProviderCharacteristics characteristics)
    {
        characteristics.AllocateDmaChannel = (object _, NetDmaChannelParameters _, NetDmaChannelHandle _, out object? context) =>
        {
            Misbehave();
            context = null;
            return NtStatus.STATUS_UNSUCCESSFUL;
        };
    }
}
