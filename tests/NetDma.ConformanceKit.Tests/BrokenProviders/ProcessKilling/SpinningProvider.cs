namespace NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;

/// <summary>
/// Spins forever in ProviderAllocateDmaChannel, burning a core: only killing its process stops it. (The in-process
/// runner can abandon a blocked thread, not reclaim a spinning one.)
/// </summary>
public sealed class SpinningProvider : ProcessKillingProvider
{
    private static long _spins;

    protected override void Misbehave()
    {
        while (true)
        {
            Interlocked.Increment(ref _spins);
        }
    }
}
