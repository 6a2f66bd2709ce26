using System.Reflection;
using NetDma.ConformanceKit.Catalog;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Kernel;
using NetDma.ConformanceKit.Memory;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Host;

/// <summary>
/// The simulated NetDMA interface. As <see cref="INetDma"/> it serves the functions a provider calls and checks each
/// call (IRQL from the contract attributes, handles, lifecycle order); as NetDMA it calls the provider's handlers the
/// way the pages describe and checks every answer (documented status, outputs set, CpuNumber in the mask, distinct
/// channel contexts). Violations go to the kernel's <see cref="ViolationLog"/>; nothing is thrown into provider code.
/// </summary>
public sealed partial class NetDmaHost : INetDma
{
    /// <summary>The value CpuNumber holds until the provider writes it; no processor has this number.</summary>
    public const uint CpuNumberNotWritten = 0xFFFF_FFFF;

    private static readonly Dictionary<string, DdiContract> FunctionContracts = typeof(INetDma)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Select(DdiContract.TryRead)
        .OfType<DdiContract>()
        .ToDictionary(c => c.Name, StringComparer.Ordinal);

    private readonly Dictionary<string, HostChannel> _channelsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<NetDmaChannelHandle, HostChannel> _channelsByHandle = [];

    // The data path looks channels up on every bus access: by buffer and over the live ones only, not by a scan of
    // every channel the run ever allocated (which grows with the run).
    private readonly List<HostChannel> _liveChannels = [];

    // The engine records of freed channels, for the next channels allocated: with one channel allocated and freed per
    // sequence, submitting descriptors then makes no record and grows no map once the pool is warm (issue 10).
    private readonly Stack<EngineProgress> _spareProgress = new();

    // What every freed channel of this host shows as its progress: empty, and never changed (no check touches a freed
    // channel's records). One per host, so nothing is shared between machines running side by side.
    private readonly EngineProgress _releasedProgress = new();
    private readonly Dictionary<MemoryBuffer, HostChannel> _channelsByRing = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<MemoryBuffer, HostChannel> _channelsByCompletion = new(ReferenceEqualityComparer.Instance);

    // The descriptor memory of freed channels by script name: allocating the name again reuses it (poisoned afresh)
    // instead of leaking a new 32 KiB ring per allocation. Reused only under the same name, so reports still name
    // the buffer after the channel that holds it.
    private readonly Dictionary<string, MemoryBuffer> _freedRings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NtStatus> _failedAllocations = new(StringComparer.Ordinal);
    private ulong _nextProviderHandle = 0x1000;
    private ulong _nextChannelHandle = 0x2000;

    /// <summary>Creates the NetDMA side of a run on <paramref name="kernel"/>.</summary>
    public NetDmaHost(SimulatedKernel kernel, HostOptions options)
    {
        Kernel = kernel;
        Options = options;
        kernel.Memory.DescriptorFetched += CheckDescriptorFetch;
        kernel.Memory.DeviceAccessed += ObserveDeviceAccess;
        kernel.DeviceSurpriseRemoved += ObserveDeviceRemoved;
        kernel.DpcStarted += ObserveDpcStarted;
    }

    private void ObserveDpcStarted(KDpc dpc, uint cpu)
    {
        if (!Kernel.Interleaves)
        {
            return; // sequentially the engine stands still while a DPC runs
        }

        foreach (var channel in _liveChannels)
        {
            // A completion the running engine step made is not yet in the engine's registers the DPC reads.
            channel.CompletionsAtDpcStart[cpu] = channel.Progress.Completions - (Kernel.HardwareStepInProgress ? 1 : 0);
            channel.FaultedAtDpcStart[cpu] = channel.Progress.Faulted && !Kernel.HardwareStepInProgress;
        }
    }

    /// <summary>The simulated kernel the host and the provider share.</summary>
    public SimulatedKernel Kernel { get; }

    /// <summary>The platform's options.</summary>
    public HostOptions Options { get; }

    /// <summary>Where violations are recorded.</summary>
    public ViolationLog Log => Kernel.Log;

    /// <summary>The registered provider, or null before registration.</summary>
    public ProviderRegistration? Provider { get; private set; }

    /// <summary>True while the PnP manager runs the driver's AddDevice (NetDmaRegisterProvider belongs there: NDMA3001).</summary>
    public bool InAddDevice { get; set; }

    /// <summary>The live channels by script name.</summary>
    public IReadOnlyDictionary<string, HostChannel> Channels => _channelsByName;

    /// <summary>Every channel ever allocated, live or freed, in allocation order.</summary>
    public IEnumerable<HostChannel> AllChannels => _channelsByHandle.Values;

    private void Trace(in TraceEntry entry) => Log.Trace.Record(entry);

    /// <summary>Checks the provider's caller IRQL for the NetDMA function <paramref name="name"/> and traces the call.</summary>
    private DdiContract EnterFunction(string name, TraceArguments arguments)
    {
        // Under schedule exploration another processor may run before NetDMA sees the call.
        Kernel.SchedulingPoint();
        var contract = FunctionContracts[name];
        Trace(new TraceEntry("{0} provider -> {1}({*})", TraceValue.Processor(Kernel.CurrentProcessor, Kernel.CurrentIrql), name, Arguments: arguments));
        Kernel.CheckCallerIrql(name, contract.Irql, contract.Page);
        return contract;
    }

    private bool CheckProviderHandle(NetDmaProviderHandle handle, DdiContract contract)
    {
        Log.Checked(LifecycleRules.ValidProviderHandle);
        if (Provider is { State: not ProviderState.Deregistered } provider && provider.Handle == handle)
        {
            return true;
        }

        var actual = Provider is null ? $"{handle} before any successful NetDmaRegisterProvider"
            : Provider.State == ProviderState.Deregistered && Provider.Handle == handle ? $"{handle}, already deregistered"
            : $"{handle}, but NetDmaRegisterProvider returned {Provider.Handle}";
        Log.Report(LifecycleRules.ValidProviderHandle, $"the handle NetDmaRegisterProvider returned, to {contract.Name}", actual, contract.Page);
        return false;
    }

    private static string Hex(uint value) => $"0x{value:X8}";
}
