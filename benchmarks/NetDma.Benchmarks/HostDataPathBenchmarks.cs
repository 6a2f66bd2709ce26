using BenchmarkDotNet.Attributes;

namespace NetDma.Benchmarks;

/// <summary>
/// The checking host's data path alone, for BenchmarkDotNet's MemoryDiagnoser: one operation is one ProviderAppendDma
/// of a 64-byte descriptor and the hardware run that completes it (the engine's steps, the completion status, the ISR
/// with NetDmaIsr, the DPC with NetDmaInterruptDpc, the delivery check), on the machine and provider of
/// <see cref="HostOverheadBenchmarks"/>. Each iteration gets a freshly allocated and started channel (the iteration
/// setup, not measured) and runs <see cref="HostOverheadBenchmarks.Appends"/> operations, within the channel's ring.
/// "Allocated" is the "zero allocations per data-path call in the steady state" figure; the time per call
/// against bare calls is <see cref="HostOverheadBenchmarks"/>'s ratio.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(HostOverheadBenchmarks.Appends, unrollFactor: 1)]
public class HostDataPathBenchmarks
{
    private HostOverheadBenchmarks.HostMachine _host = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _host = new HostOverheadBenchmarks.HostMachine();

        // Warm: the first channels grow the host's records to their steady size (they are recycled on free).
        for (var i = 0; i < 16; i++)
        {
            _host.Sequence();
        }
    }

    [IterationSetup]
    public void AllocateAndStart()
    {
        _host.Allocate();
        _host.Start();
        _host.Run();
        _next = 1;
    }

    [IterationCleanup]
    public void FreeChannel() => _host.Free();

    /// <summary>One ProviderAppendDma and the hardware run that completes its descriptor through the ISR and DPC.</summary>
    [Benchmark]
    public int AppendAndComplete()
    {
        _host.Append(_next++);
        return _host.Run();
    }
}
