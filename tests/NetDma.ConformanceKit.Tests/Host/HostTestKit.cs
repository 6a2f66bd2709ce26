using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Host;
using NetDma.ConformanceKit.Kernel;
using NetDma.ConformanceKit.Memory;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.Host;

/// <summary>
/// One simulated machine for a host test: a kernel, the NetDMA host on it and a <see cref="TestProvider"/>. The test
/// plays the provider driver: it calls the INetDma functions from inside <see cref="SimulatedKernel.InvokeDriver{T}"/>
/// (AddDevice for registration, like the PnP manager would), and plays NetDMA through the host's channel operations.
/// </summary>
internal sealed class HostTestKit
{
    public const string AddDevicePage = "registering-a-netdma-provider.md";

    private MemoryBuffer? _source;
    private MemoryBuffer? _destination;

    public HostTestKit(HostOptions? options = null)
    {
        Options = options ?? new HostOptions();
        Log = new ViolationLog(new CallTrace(1024));
        Kernel = new SimulatedKernel(Options.ProcessorCount, Log);
        Host = new NetDmaHost(Kernel, Options);
        Provider = new TestProvider(Kernel);
    }

    public HostOptions Options { get; }

    public ViolationLog Log { get; }

    public SimulatedKernel Kernel { get; }

    public NetDmaHost Host { get; }

    public TestProvider Provider { get; }

    /// <summary>The ProviderContext the test registers with.</summary>
    public object ProviderContext { get; } = new();

    /// <summary>The handle of the last successful registration.</summary>
    public NetDmaProviderHandle Handle { get; private set; }

    /// <summary>Runs <paramref name="body"/> as provider code on <paramref name="cpu"/> at <paramref name="irql"/>.</summary>
    public T AsProvider<T>(Irql irql, Func<T> body, uint cpu = 0, string routine = "ProviderRoutine") =>
        Kernel.InvokeDriver(cpu, irql, routine, "test-page.md", body);

    /// <inheritdoc cref="AsProvider{T}"/>
    public void AsProvider(Irql irql, Action body, uint cpu = 0, string routine = "ProviderRoutine") =>
        Kernel.InvokeDriver(cpu, irql, routine, "test-page.md", body);

    /// <summary>NetDmaRegisterProvider from the driver's AddDevice (at <paramref name="irql"/>, PASSIVE_LEVEL by default).</summary>
    public NtStatus Register(NetDmaProviderCharacteristics? characteristics = null, Irql irql = Irql.PASSIVE_LEVEL)
    {
        var toRegister = characteristics ?? Provider.Characteristics();
        Host.InAddDevice = true;
        try
        {
            return Kernel.InvokeDriver(0, irql, "AddDevice", AddDevicePage, () => RegisterNow(toRegister));
        }
        finally
        {
            Host.InAddDevice = false;
        }
    }

    /// <summary>NetDmaRegisterProvider called from wherever the caller runs now (no AddDevice flag).</summary>
    public NtStatus RegisterNow(NetDmaProviderCharacteristics characteristics)
    {
        var status = Host.NetDmaRegisterProvider(ProviderContext, out var handle, characteristics);
        if (NtStatusFacts.NT_SUCCESS(status))
        {
            Handle = handle;
        }

        return status;
    }

    /// <summary>NetDmaProviderStart from IRP_MN_START_DEVICE at PASSIVE_LEVEL.</summary>
    public void Start(uint dmaChannelCount = 4, NetDmaProviderHandle? handle = null)
    {
        Host.InStartDevice = true;
        try
        {
            AsProvider(Irql.PASSIVE_LEVEL, () => Host.NetDmaProviderStart(handle ?? Handle, Attributes(dmaChannelCount)),
                routine: "StartDevice (IRP_MN_START_DEVICE)");
        }
        finally
        {
            Host.InStartDevice = false;
        }
    }

    /// <summary>Attributes as the pages want them (the platform's PCI vendor ID, 4 KB transfers) with <paramref name="dmaChannelCount"/> channels.</summary>
    public NetDmaProviderAttributes Attributes(uint dmaChannelCount = 4) => new()
    {
        DmaChannelCount = dmaChannelCount,
        VendorId = Options.PciVendorId,
        MaximumTransferSize = NetDmaHost.MinimumMaximumTransferSize,
    };

    /// <summary>NetDmaProviderStop at PASSIVE_LEVEL.</summary>
    public void Stop() => AsProvider(Irql.PASSIVE_LEVEL, () => Host.NetDmaProviderStop(Handle), routine: "StopDevice (IRP_MN_STOP_DEVICE)");

    /// <summary>NetDmaDeregisterProvider at PASSIVE_LEVEL.</summary>
    public void Deregister() => AsProvider(Irql.PASSIVE_LEVEL, () => Host.NetDmaDeregisterProvider(Handle), routine: "RemoveDevice (IRP_MN_REMOVE_DEVICE)");

    /// <summary>Registers (with <paramref name="characteristics"/> or the test provider's) and starts the provider; asserts both are silent.</summary>
    public void RegisterAndStart(NetDmaProviderCharacteristics? characteristics = null, uint dmaChannelCount = 4)
    {
        Assert.Equal(NtStatus.STATUS_SUCCESS, Register(characteristics));
        Start(dmaChannelCount);
        AssertSilent();
    }

    /// <summary>NetDMA allocates <paramref name="name"/> at DISPATCH_LEVEL on CPU 0; returns the live channel.</summary>
    public HostChannel Allocate(string name = "ch0", uint mask = 0b0001)
    {
        Assert.Equal(NtStatus.STATUS_SUCCESS, Host.AllocateChannel(name, mask, 0, CallSite.ChannelOperationDefault));
        return Host.Channels[name];
    }

    /// <summary>
    /// <paramref name="count"/> 64-byte copies between two data buffers (descriptor i copies source+64i to
    /// destination+64i), with <paramref name="flags"/> on each.
    /// </summary>
    public IReadOnlyList<DescriptorSpec> Copies(int count, NetDmaDescriptorControlFlags flags = NetDmaDescriptorControlFlags.None)
    {
        _source ??= Kernel.Memory.Allocate("src", 4096, MemoryKind.Data);
        _destination ??= Kernel.Memory.Allocate("dst", 4096, MemoryKind.Data);
        return [.. Enumerable.Range(0, count).Select(i => new DescriptorSpec(
            _source.PhysicalBase.Offset((ulong)(i * 64)), _destination.PhysicalBase.Offset((ulong)(i * 64)), 64, flags))];
    }

    /// <summary>The NET_DMA_DESCRIPTOR stored at <paramref name="address"/>, read back from simulated physical memory.</summary>
    public NetDmaDescriptor ReadDescriptor(PhysicalAddress address)
    {
        var buffer = Kernel.Memory.Find(address) ?? throw new InvalidOperationException($"no buffer holds {address}");
        return NetDmaDescriptor.Read(Kernel.Memory.ReadBytes(buffer, address.QuadPart - buffer.PhysicalBase.QuadPart, NetDmaDescriptor.SizeInBytes));
    }

    /// <summary>Asserts exactly one violation was reported, of <paramref name="ruleId"/>, and returns it.</summary>
    public Violation Single(string ruleId)
    {
        Assert.True(Log.All.Count == 1, $"expected one {ruleId}, got: {Describe()}");
        var violation = Log.All[0];
        Assert.Equal(ruleId, violation.Rule.Id);
        return violation;
    }

    /// <summary>Asserts nothing was reported.</summary>
    public void AssertSilent() => Assert.True(Log.All.Count == 0, $"expected no violation, got: {Describe()}");

    private string Describe() => Log.All.Count == 0 ? "none" : string.Join("\n", Log.All.Select(v => v.Message));
}
