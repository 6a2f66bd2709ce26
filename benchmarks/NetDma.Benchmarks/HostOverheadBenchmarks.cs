using BenchmarkDotNet.Attributes;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Host;
using NetDma.ConformanceKit.Kernel;
using NetDma.ConformanceKit.Memory;
using NetDma.ConformanceKit.Scripting;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;
using NetDma.ReferenceProvider.NetDma;

namespace NetDma.Benchmarks;

/// <summary>
/// The checking host's cost: one sequence of NetDMA data-path traffic on the reference provider (allocate a channel,
/// start a one-descriptor chain, <see cref="Appends"/> appends of one 64-byte descriptor each followed by a hardware
/// run that completes it through the ISR (NetDmaIsr) and the interrupt DPC (NetDmaInterruptDpc), free), driven
/// through <see cref="NetDmaHost"/> (every call checked, as a script's <c>World</c> builds it) against the same
/// provider handler calls made on the same kind of simulated kernel and memory through <see cref="BareNetDma"/> (the
/// baseline, measured in the same run). Both write the descriptors into simulated memory and run the same kernel (IRQL,
/// frames, DPC queues, the checked bus), so the ratio is what NetDmaHost adds.
/// </summary>
/// <remarks>
/// The figures are per NetDMA call (OperationsPerInvoke = <see cref="CallsPerSequence"/>: allocate, start, the appends,
/// one NetDmaIsr and one NetDmaInterruptDpc per completed descriptor, free), so allocated bytes read directly as bytes
/// per call. The platform is line-based (MSI-X off) with 2 processors, the channel on CPU 0.
/// </remarks>
[MemoryDiagnoser]
public class HostOverheadBenchmarks
{
    /// <summary>ProviderAppendDma calls in one sequence.</summary>
    public const int Appends = 64;

    /// <summary>
    /// NetDMA calls in one sequence: ProviderAllocateDmaChannel, ProviderStartDma, the appends, NetDmaIsr and
    /// NetDmaInterruptDpc for the started descriptor and each appended one, ProviderFreeDmaChannel.
    /// </summary>
    public const int CallsPerSequence = 3 + Appends + (2 * (Appends + 1));

    private const uint ChannelMask = 0b01;
    private static readonly HostOptions Options = new(ProcessorCount: 2, MsiX: false);
    private static readonly CallSite Site = CallSite.ChannelOperationDefault;

    private HostMachine _host = null!;
    private BareMachine _bare = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = new HostMachine();
        _bare = new BareMachine();

        // Both sides must really move the traffic: descriptors completed, ISRs and DPCs reported, nothing violated.
        _host.Sequence();
        _bare.Sequence();
        if (_host.Kernel.Log.All.Count != 0)
        {
            throw new InvalidOperationException($"the checked sequence reported violations: {_host.Kernel.Log.All[0].Message}");
        }

        if (_host.Host.AllChannels.Last() is { IsrCount: not Appends + 1 } checkedChannel)
        {
            throw new InvalidOperationException($"the checked sequence took {checkedChannel.IsrCount} ISRs; expected {Appends + 1}");
        }

        if (_bare.Shim.IsrCount != Appends + 1 || _bare.Shim.DpcCount != Appends + 1)
        {
            throw new InvalidOperationException($"the bare sequence took {_bare.Shim.IsrCount} ISRs and {_bare.Shim.DpcCount} DPCs; expected {Appends + 1} of each");
        }
    }

    /// <summary>The provider's handlers called directly on the simulated kernel, through <see cref="BareNetDma"/>.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = CallsPerSequence)]
    public int BareCalls() => _bare.Sequence();

    /// <summary>The same sequence through <see cref="NetDmaHost"/>, every call and answer checked.</summary>
    [Benchmark(OperationsPerInvoke = CallsPerSequence)]
    public int CheckedHost() => _host.Sequence();

    /// <summary>
    /// Bytes the checked sequence allocates in each kind of step, summed over <paramref name="sequences"/> sequences
    /// (after <see cref="Setup"/>): for <see cref="AllocationProfile"/>, which says which calls still allocate.
    /// </summary>
    internal HostStepBytes MeasureHostSteps(int sequences)
    {
        var bytes = new HostStepBytes();
        for (var i = 0; i < sequences; i++)
        {
            _host.Sequence(bytes);
        }

        return bytes;
    }

    /// <summary>Bytes allocated per kind of step of the checked sequence, and how many steps of each kind ran.</summary>
    internal sealed class HostStepBytes
    {
        public long Allocate { get; set; }

        public long Start { get; set; }

        public long Append { get; set; }

        public long Appends { get; set; }

        /// <summary>Hardware runs to idle, each completing one descriptor through NetDmaIsr and NetDmaInterruptDpc, with the interrupt-delivery check.</summary>
        public long Run { get; set; }

        public long Runs { get; set; }

        public long Free { get; set; }

        public long Sequences { get; set; }
    }

    /// <summary>64-byte copies that interrupt and write the completion status, descriptor i from source+64i to destination+64i.</summary>
    private static DescriptorSpec Copy(MemoryBuffer source, MemoryBuffer destination, int i) =>
        new(source.PhysicalBase.Offset((ulong)(i * 64)), destination.PhysicalBase.Offset((ulong)(i * 64)), 64,
            NetDmaDescriptorControlFlags.NET_DMA_INTERRUPT_ON_COMPLETION | NetDmaDescriptorControlFlags.NET_DMA_STATUS_UPDATE_ON_COMPLETION);

    /// <summary>The simulated machine of a script (as Running/World builds it) with the reference provider registered and started.</summary>
    internal sealed class HostMachine
    {
        private readonly DescriptorSpec[][] _descriptors;

        public HostMachine()
        {
            Kernel = new SimulatedKernel(Options.ProcessorCount, new ViolationLog(new CallTrace()));
            Host = new NetDmaHost(Kernel, Options);
            var pdo = new DeviceObject(@"\Device\NetDmaPdo0");
            var bus = Kernel.AttachDevice(pdo);
            var configuration = new PciConfigurationSpace(Kernel, pdo, Options.PciVendorId);
            Host.PhysicalDeviceObject = pdo;
            var provider = new ReferenceNetDmaProviderDriver();
            var environment = new DriverEnvironment(Host, Kernel, pdo, bus, Host, configuration.Interface);
            Host.InAddDevice = true;
            Require(Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL, SimulatedKernel.AddDeviceRoutineName, "registering-a-netdma-provider.md", () => provider.AddDevice(environment)));
            Host.InAddDevice = false;
            var resources = new DeviceResources(false, [new InterruptMessage(0, 0)]);
            Kernel.SetInterruptResources(pdo, resources);
            Host.RecordGrantedInterrupts(resources);
            Host.InStartDevice = true;
            Require(Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL, SimulatedKernel.StartDeviceRoutineName, "starting-a-netdma-provider.md", () => provider.StartDevice(resources)));
            Host.InStartDevice = false;
            var source = Kernel.Memory.Allocate("src", 65536, MemoryKind.Data);
            var destination = Kernel.Memory.Allocate("dst", 65536, MemoryKind.Data);
            _descriptors = [.. Enumerable.Range(0, Appends + 1).Select(i => new[] { Copy(source, destination, i) })];
        }

        public SimulatedKernel Kernel { get; }

        public NetDmaHost Host { get; }

        public int Sequence() => Sequence(null);

        /// <summary>The sequence; with <paramref name="bytes"/>, each step's allocated bytes are added to it.</summary>
        public int Sequence(HostStepBytes? bytes)
        {
            var mark = GC.GetAllocatedBytesForCurrentThread();
            Allocate();
            bytes?.Allocate += Since(ref mark);
            Start();
            bytes?.Start += Since(ref mark);
            var steps = Run();
            bytes?.Run += Since(ref mark);
            for (var i = 1; i <= Appends; i++)
            {
                Append(i);
                bytes?.Append += Since(ref mark);
                steps += Run();
                bytes?.Run += Since(ref mark);
            }

            Free();
            bytes?.Free += Since(ref mark);
            if (bytes is not null)
            {
                bytes.Appends += Appends;
                bytes.Runs += Appends + 1;
                bytes.Sequences++;
            }

            return steps;
        }

        /// <summary>ProviderAllocateDmaChannel of ch0 on CPU 0.</summary>
        public void Allocate() => Require(Host.AllocateChannel("ch0", ChannelMask, 0, Site));

        /// <summary>ProviderStartDma of ch0 with the first descriptor.</summary>
        public void Start() => Require(Host.StartDma("ch0", _descriptors[0], Site));

        /// <summary>ProviderAppendDma of ch0 with descriptor <paramref name="i"/> (1..<see cref="Appends"/>).</summary>
        public void Append(int i) => Require(Host.AppendDma("ch0", _descriptors[i], Site));

        /// <summary>ProviderFreeDmaChannel of ch0.</summary>
        public void Free() => Host.FreeChannel("ch0", Site);

        private static long Since(ref long mark)
        {
            var now = GC.GetAllocatedBytesForCurrentThread();
            var since = now - mark;
            mark = now;
            return since;
        }

        /// <summary>A script's <c>run</c>: the hardware until idle, then the host's check that every interrupt was delivered.</summary>
        public int Run()
        {
            var run = Kernel.RunHardware(RunCommand.IdleBound);
            Host.CheckInterruptsDelivered();
            return run.StepsTaken;
        }
    }

    /// <summary>The same kernel, bus and provider, with <see cref="BareNetDma"/> as the NetDMA interface.</summary>
    private sealed class BareMachine
    {
        private readonly MemoryBuffer _source;
        private readonly MemoryBuffer _destination;
        private readonly MemoryBuffer _completion;
        private readonly MemoryBuffer _ring;
        private readonly NetDmaProviderCharacteristics _characteristics;
        private ulong _nextHandle = 0x2000;

        public BareMachine()
        {
            Kernel = new SimulatedKernel(Options.ProcessorCount, new ViolationLog(new CallTrace()));
            var pdo = new DeviceObject(@"\Device\NetDmaPdo0");
            var bus = Kernel.AttachDevice(pdo);
            var configuration = new PciConfigurationSpace(Kernel, pdo, Options.PciVendorId);
            var provider = new ReferenceNetDmaProviderDriver();
            var environment = new DriverEnvironment(Shim, Kernel, pdo, bus, Shim, configuration.Interface);
            Require(Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL, SimulatedKernel.AddDeviceRoutineName, "registering-a-netdma-provider.md", () => provider.AddDevice(environment)));
            var resources = new DeviceResources(false, [new InterruptMessage(0, 0)]);
            Kernel.SetInterruptResources(pdo, resources);
            Require(Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL, SimulatedKernel.StartDeviceRoutineName, "starting-a-netdma-provider.md", () => provider.StartDevice(resources)));
            _characteristics = Shim.Characteristics!;
            _source = Kernel.Memory.Allocate("src", 65536, MemoryKind.Data);
            _destination = Kernel.Memory.Allocate("dst", 65536, MemoryKind.Data);
            _completion = Kernel.Memory.Allocate("ch0.completion", 8, MemoryKind.Completion);
            _ring = Kernel.Memory.Allocate("ch0.descriptors", DescriptorRing.Capacity * NetDmaDescriptor.SizeInBytes, MemoryKind.DescriptorRing, NetDmaDescriptor.SizeInBytes);
        }

        public SimulatedKernel Kernel { get; }

        public BareNetDma Shim { get; } = new();

        public int Sequence()
        {
            var provider = Shim.ProviderContext!;
            var parameters = new NetDmaChannelParameters
            {
                Revision = NetDmaChannelParameters.NET_DMA_CHANNEL_PARAMETERS_REVISION_2,
                Size = NetDmaChannelParameters.SIZEOF_NET_DMA_CHANNEL_PARAMETERS_REVISION_2,
                CompletionVirtualAddress = _completion.VirtualBase,
                CompletionPhysicalAddress = _completion.PhysicalBase,
                ProcessorAffinityMask = ChannelMask,
                ProcessorAffinityMaskEx = new GroupAffinity(ChannelMask, 0),
                CpuNumber = NetDmaHost.CpuNumberNotWritten,
            };
            var handle = new NetDmaChannelHandle(_nextHandle++);
            var allocate = _characteristics.AllocateDmaChannel!;
            object? context = null;
            Require(Kernel.InvokeDriver(0, Irql.DISPATCH_LEVEL, "ProviderAllocateDmaChannel", "nc-netdma-dma_channel_allocate_handler.md",
                () => allocate(provider, parameters, handle, out context)));
            Shim.CpuNumber = parameters.CpuNumber;
            var channel = context!;

            var start = _characteristics.StartDma!;
            WriteDescriptor(0);
            Require(Kernel.InvokeDriver(0, Irql.DISPATCH_LEVEL, "ProviderStartDma", "nc-netdma-dma_start_handler.md",
                (Handler: start, Channel: channel, Virtual: Virtual(0), Physical: Physical(0)),
                static call => call.Handler(call.Channel, call.Virtual, call.Physical, 1)));
            var steps = Kernel.RunHardware(RunCommand.IdleBound).StepsTaken;
            var append = _characteristics.AppendDma!;
            for (var i = 1; i <= Appends; i++)
            {
                WriteDescriptor(i);
                Require(Kernel.InvokeDriver(0, Irql.DISPATCH_LEVEL, "ProviderAppendDma", "nc-netdma-dma_append_handler.md",
                    (Handler: append, Channel: channel, Virtual: Virtual(i), Physical: Physical(i)),
                    static call => call.Handler(call.Channel, call.Virtual, call.Physical, 1)));
                steps += Kernel.RunHardware(RunCommand.IdleBound).StepsTaken;
            }

            var free = _characteristics.FreeDmaChannel!;
            Kernel.InvokeDriver(0, Irql.DISPATCH_LEVEL, "ProviderFreeDmaChannel", "nc-netdma-dma_channel_free_handler.md", () => free(channel));
            return steps;
        }

        private PhysicalAddress Physical(int slot) => _ring.PhysicalBase.Offset((ulong)(slot * NetDmaDescriptor.SizeInBytes));

        private VirtualAddress Virtual(int slot) => _ring.VirtualBase.Offset((ulong)(slot * NetDmaDescriptor.SizeInBytes));

        /// <summary>What NetDMA itself must do: write the descriptor (NetDMA 2.0, so NextDescriptor names the next slot).</summary>
        private void WriteDescriptor(int slot)
        {
            var spec = Copy(_source, _destination, slot);
            Span<byte> image = stackalloc byte[NetDmaDescriptor.SizeInBytes];
            new NetDmaDescriptor
            {
                TransferSize = spec.Length,
                ControlFlags = spec.Flags,
                SourceAddress = spec.Source,
                DestinationAddress = spec.Destination,
                NextDescriptor = Physical(slot + 1),
            }.Write(image);
            Kernel.Memory.WriteBytes(_ring, (ulong)(slot * NetDmaDescriptor.SizeInBytes), image);
        }
    }

    private static void Require(NtStatus status)
    {
        if (!NtStatusFacts.NT_SUCCESS(status))
        {
            throw new InvalidOperationException($"the benchmark sequence failed: {NtStatusFacts.Describe(status)}");
        }
    }
}
