using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;

namespace NetDma.Samples.WrongProvider;

/// <summary>NetDMA handlers with IRQL, status and protocol mistakes.</summary>
public sealed partial class WrongProvider : INetDmaProvider
{
    private readonly KSpinLock _lock = new();
    private readonly KEvent _ready = new();
    private readonly object _gate = new();

    private IWdmKernel Kernel => _environment.Kernel;

    public NtStatus SetDmaChannelCpuAffinity(object ProviderContext, NetDmaChannelCpuAffinity[] CpuAffinityArray, uint CpuAffinityArraySize) =>
        NtStatus.STATUS_SUCCESS;

    public NtStatus AllocateDmaChannel(object ProviderContext, NetDmaChannelParameters ChannelParameters, NetDmaChannelHandle NetDmaChannelHandle, out object? pProviderChannelContext)
    {
        pProviderChannelContext = null;
        if (ChannelParameters.ProcessorAffinityMask == 0)
        {
            return NtStatus.STATUS_INVALID_PARAMETER; // expect: NDMA2001
        }

        var scratch = Kernel.ExAllocatePool2(PoolType.PagedPool, 256, 0x706D6153); // expect: NDMA1003
        if (scratch.IsNull)
        {
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        Kernel.ExFreePool(scratch); // expect: NDMA1003
        return NtStatus.STATUS_SUCCESS; // expect: NDMA3003 NDMA3002
    }

    public void FreeDmaChannel(object ProviderChannelContext)
    {
        lock (_gate) // expect: NDMA1002
        {
            Kernel.KeWaitForSingleObject(_ready, 10_000); // expect: NDMA1002
        }
    }

    public NtStatus StartDma(object ProviderChannelContext, VirtualAddress DescriptorVirtualAddress, PhysicalAddress DescriptorPhysicalAddress, uint DescriptorCount) // expect: NDMA1005
    {
        Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
        if (DescriptorCount == 0)
        {
            return NtStatus.STATUS_UNSUCCESSFUL; // returns with the spin lock held
        }

        Kernel.KeReleaseSpinLock(_lock, oldIrql);
        return NtStatus.STATUS_SUCCESS;
    }

    public NtStatus SuspendDma(object ProviderChannelContext, out PhysicalAddress pLastDescriptor) // expect: NDMA1005
    {
        pLastDescriptor = PhysicalAddress.Null;
        Kernel.KeLowerIrql(Irql.PASSIVE_LEVEL); // expect: NDMA1004
        return NtStatus.STATUS_SUCCESS;
    }

    public NtStatus ResumeDma(object ProviderChannelContext)
    {
        // IoConnectInterruptEx needs PASSIVE_LEVEL; NetDMA calls ProviderResumeDma at <= DISPATCH_LEVEL.
        var status = Kernel.IoConnectInterruptEx(_environment.PhysicalDeviceObject, (_, _, _) => true, null, out _); // expect: NDMA1001
        return NtStatusFacts.NT_SUCCESS(status) ? NtStatus.STATUS_SUCCESS : NtStatus.STATUS_UNSUCCESSFUL;
    }

    [IrqlRequiresMax(Irql.PASSIVE_LEVEL)] // expect: NDMA1007
    public NtStatus AbortDma(object ProviderChannelContext) => NtStatus.STATUS_SUCCESS;

    public NtStatus AppendDma(object ProviderChannelContext, VirtualAddress DescriptorVirtualAddress, PhysicalAddress DescriptorPhysicalAddress, uint DescriptorCount) =>
        NtStatus.STATUS_SUCCESS;

    public NtStatus ResetChannel(object ProviderChannelContext) => NtStatus.STATUS_SUCCESS;
}
