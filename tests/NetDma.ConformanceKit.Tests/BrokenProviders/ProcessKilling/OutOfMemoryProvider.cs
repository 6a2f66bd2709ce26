namespace NetDma.ConformanceKit.Tests.BrokenProviders.ProcessKilling;

/// <summary>
/// Allocates without bound in ProviderAllocateDmaChannel, keeping every block alive. The worker's heap limit turns this
/// into an OutOfMemoryException in the worker instead of exhausting the machine.
/// </summary>
public sealed class OutOfMemoryProvider : ProcessKillingProvider
{
    private static readonly List<byte[]> Hoard = [];

    protected override void Misbehave()
    {
        while (true)
        {
            var block = new byte[16 << 20];
            Array.Fill(block, (byte)0x5A);
            Hoard.Add(block);
        }
    }
}
