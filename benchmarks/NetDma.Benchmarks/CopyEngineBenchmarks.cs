using BenchmarkDotNet.Attributes;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Kernel;
using NetDma.ConformanceKit.Memory;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Wdm;
using NetDma.ReferenceProvider.NetDma;

namespace NetDma.Benchmarks;

/// <summary>
/// The reference provider's copy engine on the simulated bus (every access checked: guard bands, ownership, mapping)
/// against <see cref="Span{T}.CopyTo(Span{T})"/> over the same two buffers (the baseline, measured in the same run).
/// Each invocation runs a chain of <see cref="DescriptorsPerChain"/> descriptors of <see cref="TransferSize"/> bytes;
/// the figures are per descriptor (OperationsPerInvoke), so 1 / mean is descriptors per second.
/// </summary>
[MemoryDiagnoser]
public class CopyEngineBenchmarks
{
    /// <summary>Descriptors in the chain one invocation runs.</summary>
    public const int DescriptorsPerChain = 16;

    private CopyEngine _engine = null!;
    private MemoryBuffer _source = null!;
    private MemoryBuffer _destination = null!;
    private MemoryBuffer _ring = null!;

    /// <summary>Bytes one descriptor copies: 64 B, 4 KiB, 64 KiB, 1 MiB, 4 MiB.</summary>
    [Params(64, 4096, 65536, 1 << 20, 4 << 20)]
    public int TransferSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var kernel = new SimulatedKernel(1, new ViolationLog(new CallTrace(64)));
        var bus = kernel.AttachDevice(new DeviceObject(@"\Device\CopyEngineBenchmark"));
        _engine = new CopyEngine(bus, channelCount: 1, chainsAreCounted: true, maximumTransferSize: uint.MaxValue);
        _source = kernel.Memory.Allocate("src", (ulong)TransferSize, MemoryKind.Data);
        _destination = kernel.Memory.Allocate("dst", (ulong)TransferSize, MemoryKind.Data);
        _ring = kernel.Memory.Allocate("ring", DescriptorsPerChain * NetDmaDescriptor.SizeInBytes, MemoryKind.DescriptorRing);
        kernel.Memory.Fill(_source, 0xA5);
        Span<byte> image = stackalloc byte[NetDmaDescriptor.SizeInBytes];
        for (var i = 0; i < DescriptorsPerChain; i++)
        {
            var descriptor = new NetDmaDescriptor
            {
                TransferSize = (uint)TransferSize,
                SourceAddress = _source.PhysicalBase,
                DestinationAddress = _destination.PhysicalBase,
                NextDescriptor = i + 1 < DescriptorsPerChain ? _ring.PhysicalAt((ulong)((i + 1) * NetDmaDescriptor.SizeInBytes)) : PhysicalAddress.Null,
            };
            descriptor.Write(image);
            kernel.Memory.WriteBytes(_ring, (ulong)(i * NetDmaDescriptor.SizeInBytes), image);
        }
    }

    /// <summary>The same bytes moved by the CPU: <see cref="DescriptorsPerChain"/> copies of the source onto the destination.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = DescriptorsPerChain)]
    public int SpanCopyTo()
    {
        var source = _source.Storage.AsSpan();
        var destination = _destination.Storage.AsSpan();
        for (var i = 0; i < DescriptorsPerChain; i++)
        {
            source.CopyTo(destination);
        }

        return destination[0];
    }

    /// <summary>The engine fetching and running the chain through the checked simulated bus.</summary>
    [Benchmark(OperationsPerInvoke = DescriptorsPerChain)]
    public int CopyEngineChain()
    {
        _engine.Start(0, _ring.PhysicalBase, DescriptorsPerChain);
        var steps = 0;
        while (_engine.Step())
        {
            steps++;
        }

        return steps;
    }
}
