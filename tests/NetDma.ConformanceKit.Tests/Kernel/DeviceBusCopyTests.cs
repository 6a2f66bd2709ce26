using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Kernel;
using NetDma.ConformanceKit.Memory;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.Kernel;

/// <summary>
/// DeviceBus.DmaCopy is one bus operation that must check exactly what a DmaRead of the source followed by a DmaWrite
/// of the destination checks: each case runs both ways on twin machines and compares the reports, the bus accesses the
/// observers saw and the destination's bytes.
/// </summary>
public sealed class DeviceBusCopyTests
{
    /// <summary>Where each case's source and destination lie, relative to a 4096-byte source and destination buffer.</summary>
    public static TheoryData<string> Cases => new()
    {
        "inside both buffers",
        "source runs into its guard band",
        "destination runs past its end",
        "destination in a freed buffer",
        "source in a descriptor ring, not whole descriptors",
        "source and destination overlap in one buffer",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void DmaCopy_reports_and_moves_what_a_read_then_a_write_would(string @case)
    {
        var copied = Machine.For(@case);
        var staged = Machine.For(@case);

        var copiedResult = copied.Bus.DmaCopy(copied.Source, copied.Destination, copied.Length);
        var staging = new byte[copied.Length];
        var stagedResult = staged.Bus.DmaRead(staged.Source, staging) && staged.Bus.DmaWrite(staged.Destination, staging);

        Assert.Equal(stagedResult, copiedResult);
        Assert.Equal(staged.Reports(), copied.Reports());
        Assert.Equal(staged.Accesses, copied.Accesses);
        Assert.Equal(staged.DestinationBytes(), copied.DestinationBytes());
    }

    [Fact]
    public void DmaCopy_inside_both_buffers_copies_the_bytes_and_stays_silent()
    {
        var machine = Machine.For("inside both buffers");

        Assert.True(machine.Bus.DmaCopy(machine.Source, machine.Destination, machine.Length));

        Assert.Empty(machine.Reports());
        var bytes = machine.DestinationBytes();
        Assert.All(bytes[..(int)machine.Length], b => Assert.Equal(0x5A, b));
        Assert.All(bytes[(int)machine.Length..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void DmaCopy_past_the_destination_end_reports_NDMA5001_and_writes_nothing()
    {
        var machine = Machine.For("destination runs past its end");

        Assert.False(machine.Bus.DmaCopy(machine.Source, machine.Destination, machine.Length));

        Assert.Equal(["NDMA5001"], machine.Reports().Select(r => r.Split(':')[0]));
        Assert.Contains("DMA write", machine.Reports()[0], StringComparison.Ordinal);
        Assert.All(machine.DestinationBytes(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void DmaCopy_under_a_surprise_removed_device_fails_without_touching_memory()
    {
        var machine = Machine.For("inside both buffers");
        machine.Kernel.SurpriseRemove(machine.Pdo);

        Assert.False(machine.Bus.DmaCopy(machine.Source, machine.Destination, machine.Length));

        Assert.All(machine.DestinationBytes(), b => Assert.Equal(0, b));
        Assert.Equal([(machine.Source.QuadPart, false, false)], machine.Accesses);
    }

    [Fact]
    public void DmaCopy_and_DmaRead_inside_buffers_allocate_nothing_once_warm()
    {
        // No observer: the machine of the other tests records every access in a growing list.
        var kernel = new SimulatedKernel(1, new ViolationLog(new CallTrace(64)));
        var bus = kernel.AttachDevice(new DeviceObject(@"\Device\CopyTest"));
        var source = kernel.Memory.Allocate("src", 4096, MemoryKind.Data).PhysicalBase;
        var destination = kernel.Memory.Allocate("dst", 4096, MemoryKind.Data).PhysicalBase;
        Span<byte> image = stackalloc byte[64];
        _ = bus.DmaCopy(source, destination, 4096);
        _ = bus.DmaRead(source, image);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(bus.DmaCopy(source, destination, 4096));
        Assert.True(bus.DmaRead(source, image));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private sealed class Machine
    {
        private readonly ViolationLog _log = new(new CallTrace(64));
        private MemoryBuffer _destinationBuffer = null!;

        private Machine()
        {
            Kernel = new SimulatedKernel(1, _log);
            Pdo = new DeviceObject(@"\Device\CopyTest");
            Bus = Kernel.AttachDevice(Pdo);
            Kernel.Memory.DeviceAccessed += access => Accesses.Add((access.Address.QuadPart, access.IsWrite, access.Performed));
        }

        public SimulatedKernel Kernel { get; }

        public DeviceObject Pdo { get; }

        public DeviceBus Bus { get; }

        public PhysicalAddress Source { get; private set; }

        public PhysicalAddress Destination { get; private set; }

        public uint Length { get; private set; } = 1024;

        public List<(ulong Address, bool IsWrite, bool Performed)> Accesses { get; } = [];

        public static Machine For(string @case)
        {
            var machine = new Machine();
            var memory = machine.Kernel.Memory;
            var source = memory.Allocate("src", 4096, MemoryKind.Data);
            var destination = memory.Allocate("dst", 4096, MemoryKind.Data);
            var ring = memory.Allocate("ring", 4096, MemoryKind.DescriptorRing);
            memory.Fill(source, 0x5A);
            memory.Fill(ring, 0x77);
            machine._destinationBuffer = destination;
            (machine.Source, machine.Destination) = (source.PhysicalAt(0), destination.PhysicalAt(0));
            switch (@case)
            {
                case "inside both buffers":
                    break;
                case "source runs into its guard band":
                    machine.Source = source.PhysicalAt(4096 - 512);
                    break;
                case "destination runs past its end":
                    machine.Destination = destination.PhysicalAt(4096 - 16);
                    break;
                case "destination in a freed buffer":
                    var freed = memory.Allocate("freed", 4096, MemoryKind.Data);
                    memory.Free(freed);
                    machine.Destination = freed.PhysicalBase;
                    break;
                case "source in a descriptor ring, not whole descriptors":
                    machine.Source = ring.PhysicalAt(8);
                    machine.Length = 100;
                    break;
                case "source and destination overlap in one buffer":
                    machine._destinationBuffer = source;
                    machine.Destination = source.PhysicalAt(100);
                    memory.WriteBytes(source, 0, Enumerable.Range(0, 256).Select(i => (byte)i).ToArray());
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(@case), @case, "test bug: unknown case");
            }

            machine._log.Trace.Record("machine ready");
            return machine;
        }

        /// <summary>Every violation as "rule: actual".</summary>
        public string[] Reports() => [.. _log.All.Select(v => $"{v.Rule.Id}: {v.Actual}")];

        public byte[] DestinationBytes() =>
            _destinationBuffer.Live ? Kernel.Memory.ReadBytes(_destinationBuffer, 0, (int)_destinationBuffer.Size) : [];
    }
}
