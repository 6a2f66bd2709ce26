using NetDma.ConformanceKit.Kernel;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.Host;

/// <summary>
/// A hand-written provider for the host tests: every handler answers what the test set (STATUS_SUCCESS by default),
/// writes CpuNumber as the lowest CPU of the mask, returns a fresh channel context, and records where it was called.
/// No engine: the host tests look at what NetDMA passes and how it judges the answers, not at copied bytes.
/// </summary>
internal sealed class TestProvider(SimulatedKernel kernel)
{
    public NtStatus AffinityStatus { get; set; } = NtStatus.STATUS_SUCCESS;

    public NtStatus AllocateStatus { get; set; } = NtStatus.STATUS_SUCCESS;

    public NtStatus StartStatus { get; set; } = NtStatus.STATUS_SUCCESS;

    public NtStatus AppendStatus { get; set; } = NtStatus.STATUS_SUCCESS;

    public NtStatus SuspendStatus { get; set; } = NtStatus.STATUS_SUCCESS;

    public NtStatus ResumeStatus { get; set; } = NtStatus.STATUS_SUCCESS;

    public NtStatus AbortStatus { get; set; } = NtStatus.STATUS_SUCCESS;

    public NtStatus ResetStatus { get; set; } = NtStatus.STATUS_SUCCESS;

    /// <summary>The CpuNumber ProviderAllocateDmaChannel writes; null leaves it unwritten. Default: lowest CPU of the mask.</summary>
    public Func<NetDmaChannelParameters, uint?> CpuNumberFor { get; set; } = p => (uint)System.Numerics.BitOperations.TrailingZeroCount(p.ProcessorAffinityMask);

    /// <summary>The pProviderChannelContext ProviderAllocateDmaChannel returns. Default: a new object per channel.</summary>
    public Func<NetDmaChannelHandle, object?> ContextFor { get; set; } = handle => new ChannelContext(handle);

    /// <summary>What ProviderSuspendDma reports in pLastDescriptor. Default: NULL, since this provider has no engine and so never processed a descriptor (NDMA3012).</summary>
    public Func<PhysicalAddress>? SuspendReports { get; set; }

    /// <summary>Every handler call, as <c>ProviderStartDma cpu0 DISPATCH_LEVEL</c>.</summary>
    public List<string> Calls { get; } = [];

    /// <summary>The channel handle NetDMA passed to each successful ProviderAllocateDmaChannel, in order.</summary>
    public List<NetDmaChannelHandle> Handles { get; } = [];

    /// <summary>The contexts ProviderFreeDmaChannel received, in order.</summary>
    public List<object> Freed { get; } = [];

    /// <summary>The arguments of each ProviderStartDma/ProviderAppendDma: role, first descriptor's addresses, DescriptorCount.</summary>
    public List<(string Role, VirtualAddress FirstVirtual, PhysicalAddress First, uint Count)> Submissions { get; } = [];

    /// <summary>The CpuAffinityArray and CpuAffinityArraySize of the last ProviderSetDmaChannelCpuAffinity call.</summary>
    public (NetDmaChannelCpuAffinity[] Array, uint Size)? Affinity { get; private set; }

    /// <summary>Characteristics with all nine entry points bound to this provider.</summary>
    public NetDmaProviderCharacteristics Characteristics(uint maxDmaChannelCount = 4, byte majorVersion = 2, byte minorVersion = 0) => new()
    {
        MajorVersion = majorVersion,
        MinorVersion = minorVersion,
        MaxDmaChannelCount = maxDmaChannelCount,
        FriendlyName = "host test provider",
        SetDmaChannelCpuAffinity = SetDmaChannelCpuAffinity,
        AllocateDmaChannel = AllocateDmaChannel,
        FreeDmaChannel = FreeDmaChannel,
        StartDma = (_, va, pa, count) => Submit("ProviderStartDma", va, pa, count, StartStatus),
        AppendDma = (_, va, pa, count) => Submit("ProviderAppendDma", va, pa, count, AppendStatus),
        SuspendDma = SuspendDma,
        ResumeDma = _ => Called("ProviderResumeDma", ResumeStatus),
        AbortDma = _ => Called("ProviderAbortDma", AbortStatus),
        ResetChannel = _ => Called("ProviderResetChannel", ResetStatus),
    };

    private NtStatus SetDmaChannelCpuAffinity(object providerContext, NetDmaChannelCpuAffinity[] array, uint size)
    {
        Affinity = ([.. array], size);
        return Called("ProviderSetDmaChannelCpuAffinity", AffinityStatus);
    }

    private NtStatus AllocateDmaChannel(object providerContext, NetDmaChannelParameters parameters, NetDmaChannelHandle handle, out object? context)
    {
        context = null;
        Called("ProviderAllocateDmaChannel", AllocateStatus);
        if (!NtStatusFacts.NT_SUCCESS(AllocateStatus))
        {
            return AllocateStatus;
        }

        if (CpuNumberFor(parameters) is { } cpu)
        {
            parameters.CpuNumber = cpu;
        }

        context = ContextFor(handle);
        Handles.Add(handle);
        return AllocateStatus;
    }

    private void FreeDmaChannel(object context)
    {
        Called("ProviderFreeDmaChannel", NtStatus.STATUS_SUCCESS);
        Freed.Add(context);
    }

    private NtStatus Submit(string role, VirtualAddress firstVirtual, PhysicalAddress first, uint count, NtStatus status)
    {
        Submissions.Add((role, firstVirtual, first, count));
        return Called(role, status);
    }

    private NtStatus SuspendDma(object context, out PhysicalAddress lastDescriptor)
    {
        lastDescriptor = SuspendReports?.Invoke() ?? PhysicalAddress.Null;
        return Called("ProviderSuspendDma", SuspendStatus);
    }

    private NtStatus Called(string role, NtStatus status)
    {
        Calls.Add($"{role} cpu{kernel.CurrentProcessor} {kernel.CurrentIrql.ToDdiName()}");
        return status;
    }

    /// <summary>The provider's per-channel block: which NetDMA handle it belongs to.</summary>
    public sealed record ChannelContext(NetDmaChannelHandle Handle);
}
