using NetDma.Contracts.Kernel;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.Samples.MinimalProvider;

/// <summary>
/// The smallest correct NetDMA provider, and the place to start. The PnP entry points register, start, stop and
/// deregister it (registering-, starting-, stopping-a-netdma-provider.md); the nine handlers drive a table of
/// <see cref="ChannelCount"/> channels over a software <see cref="CopyEngine"/>; the ISR and the DPC report completions.
/// One spin lock guards the table: NetDMA may call any handler at DISPATCH_LEVEL on any processor. The kit creates
/// the class with its parameterless constructor; the object is also the ProviderContext NetDMA passes back.
/// </summary>
public sealed class MinimalProvider : INetDmaProviderDriver, INetDmaProvider, IDevicePowerDriver
{
    /// <summary>Hardware channels: MaxDmaChannelCount and DmaChannelCount.</summary>
    public const int ChannelCount = 4;

    private const uint NetDma10 = 0x0001_0000, NetDma20 = 0x0002_0000; // NetDmaGetVersion's packing: major << 16 | minor.
    private readonly Channel[] _channels = [new(), new(), new(), new()];
    private readonly KSpinLock _lock = new();
    private DriverEnvironment _env = null!; // AddDevice sets it and the engine; the PnP manager calls it first.
    private CopyEngine _engine = null!;
    private NetDmaProviderHandle _handle;
    private KInterrupt? _interrupt;
    private bool _registered, _started, _messageSignaled;

    private IWdmKernel Kernel => _env.Kernel;

    /// <inheritdoc/>
    public NtStatus AddDevice(DriverEnvironment environment)
    {
        _env = environment;
        Kernel.KeInitializeSpinLock(_lock);
        Array.ForEach(_channels, channel => Kernel.KeInitializeDpc(channel.Dpc, OnDpc, channel));

        // Register no higher than the interface's version (NDMA3011); the version decides how chains end. NetDMA 1.0
        // does not export NetDmaGetVersion: look it up, call it only when found (NDMA3021, nf-netdma-netdmagetversion.md).
        var getVersion = environment.Ndis.NdisGetRoutineAddress(nameof(INetDma.NetDmaGetVersion)) as Func<uint>;
        var version = Math.Min(getVersion?.Invoke() ?? NetDma10, NetDma20);
        _engine = new CopyEngine(environment.Bus, _channels, counted: version >= NetDma20);
        environment.Bus.AttachEngine(_engine);
        var characteristics = NetDmaProviderCharacteristics.For(this);
        (characteristics.MajorVersion, characteristics.MinorVersion) = ((byte)(version >> 16), (byte)version);
        (characteristics.PhysicalDeviceObject, characteristics.MaxDmaChannelCount) = (environment.PhysicalDeviceObject, ChannelCount);

        // With MSI-X, NetDMA calls SetDmaChannelCpuAffinity inside this call. The handle is valid only on success.
        var status = environment.NetDma.NetDmaRegisterProvider(this, out _handle, characteristics);
        _registered = NtStatusFacts.NT_SUCCESS(status);
        return status;
    }

    /// <inheritdoc/>
    /// <remarks>One MSI-X message per channel, on the CPU NetDMA asked for (setting-the-netdma-interrupt-cpu-affinities.md).</remarks>
    public IReadOnlyList<uint> FilterResourceRequirements() =>
        [.. _channels.Select(c => c.AffinityCpu < Kernel.KeQueryActiveProcessorCount() ? c.AffinityCpu : 0)];

    /// <inheritdoc/>
    public NtStatus StartDevice(DeviceResources resources)
    {
        if (!_registered || _started) return NtStatus.STATUS_INVALID_DEVICE_REQUEST;
        if (resources.Interrupts.Count == 0) return NtStatus.STATUS_INSUFFICIENT_RESOURCES;

        // VendorId is the one in the device's PCI configuration space (NDMA3018): read it through BUS_INTERFACE_STANDARD.
        var (bus, vendorId) = (_env.BusInterface, new byte[2]);
        var read = bus.GetBusData(bus.Context, BusInterfaceStandard.PCI_WHICHSPACE_CONFIG, vendorId, BusInterfaceStandard.PCI_COMMON_CONFIG_VENDOR_ID_OFFSET, 2);
        if (read != 2) return NtStatus.STATUS_UNSUCCESSFUL;
        var status = Kernel.IoConnectInterruptEx(_env.PhysicalDeviceObject, OnInterrupt, this, out var interrupt);
        if (!NtStatusFacts.NT_SUCCESS(status)) return status;

        // MSI-X: channel i signals the i-th message. Line-based: the channels share the one interrupt. Started before
        // the call, because NetDMA may allocate channels from inside NetDmaProviderStart.
        (_interrupt, _messageSignaled, _started) = (interrupt, resources.MessageSignaled, true);
        for (var i = 0; i < ChannelCount; i++)
        {
            var message = resources.Interrupts[i % resources.Interrupts.Count];
            (_channels[i].MessageId, _channels[i].InterruptCpu) = (message.MessageId, _messageSignaled ? message.TargetProcessor : null);
        }

        _env.NetDma.NetDmaProviderStart(_handle, new NetDmaProviderAttributes
        {
            MajorHwVersion = 1, VendorId = BitConverter.ToUInt16(vendorId), DmaChannelCount = ChannelCount,
            MaximumTransferSize = 1 << 20, // At least 4 KB (ns-netdma-_net_dma_provider_attributes.md).
            MaximumAddressSpace = new PhysicalAddress(ulong.MaxValue),
        });
        return NtStatus.STATUS_SUCCESS;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// IRP_MN_SET_POWER: PowerDown before the engine stops and the device leaves D0, PowerUp once it is back, while
    /// started (NDMA3020); revision 1, no data (ns-netdma-_net_dma_pnp_notification.md).
    /// </remarks>
    public NtStatus SetPower(DevicePowerState DeviceState)
    {
        var down = DeviceState == DevicePowerState.PowerDeviceD3;
        var notification = new NetDmaPnPNotification
        {
            NotificationCode = down ? NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerDown : NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerUp,
        };
        if (down && _started) _env.NetDma.NetDmaPnPEventNotify(_handle, notification);
        _engine.PoweredDown = down;
        if (!down && _started) _env.NetDma.NetDmaPnPEventNotify(_handle, notification);
        return NtStatus.STATUS_SUCCESS;
    }

    /// <inheritdoc/>
    public void StopDevice()
    {
        if (!_started) return;
        _started = false; // Refuse allocations; NetDMA frees every channel before NetDmaProviderStop returns.
        _env.NetDma.NetDmaProviderStop(_handle);
        if (_interrupt is { } interrupt) Kernel.IoDisconnectInterruptEx(interrupt);
    }

    /// <inheritdoc/>
    public void RemoveDevice()
    {
        StopDevice(); // NetDmaProviderStop comes before NetDmaDeregisterProvider (NDMA3007).
        if (_registered) _env.NetDma.NetDmaDeregisterProvider(_handle);
        _registered = false;
    }

    // The nine handlers NetDmaProviderCharacteristics.For binds. Each contract is its page: nc-netdma-dma_*_handler.md.

    NtStatus INetDmaProvider.SetDmaChannelCpuAffinity(object ProviderContext, NetDmaChannelCpuAffinity[] CpuAffinityArray,
        uint CpuAffinityArraySize)
    {
        if (CpuAffinityArray is null) return NtStatus.STATUS_UNSUCCESSFUL;
        foreach (var entry in CpuAffinityArray.Take((int)Math.Min(CpuAffinityArraySize, (uint)CpuAffinityArray.Length)))
            if (entry.DmaChannel < ChannelCount) _channels[entry.DmaChannel].AffinityCpu = entry.CpuNumber;
        return NtStatus.STATUS_SUCCESS;
    }

    NtStatus INetDmaProvider.AllocateDmaChannel(object ProviderContext, NetDmaChannelParameters ChannelParameters,
        NetDmaChannelHandle NetDmaChannelHandle, out object? pProviderChannelContext)
    {
        pProviderChannelContext = null;
        if (!_started || ChannelParameters is null) return NtStatus.STATUS_UNSUCCESSFUL;

        // First a free channel whose MSI-X interrupt targets a CPU in the mask (NDMA3026); else any free channel, its
        // DPC moved to the lowest active CPU in the mask. CpuNumber says where the DPC runs (NDMA3003, NDMA3004).
        var cpus = Math.Min(Kernel.KeQueryActiveProcessorCount(), 32u);
        bool InMask(uint? n) => n < cpus && (ChannelParameters.ProcessorAffinityMask & (1u << (int)n)) != 0;
        var lowest = Enumerable.Range(0, (int)cpus).FirstOrDefault(n => InMask((uint)n), -1);
        if (lowest < 0) return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
        var channel = Array.Find(_channels, c => c.Owner is null && InMask(c.InterruptCpu)) ?? Array.Find(_channels, c => c.Owner is null);
        var cpu = channel?.InterruptCpu is { } target && InMask(target) ? target : (uint)lowest;
        if (channel is not null)
        {
            (channel.Owner, channel.DpcCpu) = (NetDmaChannelHandle, cpu);
            _engine.Assign(channel, ChannelParameters.CompletionPhysicalAddress);
            Kernel.KeSetTargetProcessorDpc(channel.Dpc, (byte)cpu);
        }

        Kernel.KeReleaseSpinLock(_lock, oldIrql);
        if (channel is null) return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        ChannelParameters.CpuNumber = cpu;
        pProviderChannelContext = channel; // The table entry is the context: distinct for every live channel (NDMA3002).
        return NtStatus.STATUS_SUCCESS;
    }

    void INetDmaProvider.FreeDmaChannel(object ProviderChannelContext)
    {
        Command(ProviderChannelContext, c =>
        {
            _engine.Assign(c, PhysicalAddress.Null); // No memory access for a freed channel, no report for it (NDMA3015).
            (c.Owner, c.DpcRequested) = (null, false);
            return true;
        }, halts: true);

        // An ISR or DPC on another processor may have read the owner before it was cleared: let it finish its report,
        // so none reaches NetDMA after this returns. Each turn asks for the IRQL, which lets the kit's processors run.
        while (ProviderChannelContext is Channel { Reporting: > 0 }) _ = Kernel.KeGetCurrentIrql();
    }

    NtStatus INetDmaProvider.StartDma(object ProviderChannelContext, VirtualAddress DescriptorVirtualAddress,
        PhysicalAddress DescriptorPhysicalAddress, uint DescriptorCount) =>
        Command(ProviderChannelContext, c => _engine.Start(c, DescriptorPhysicalAddress, DescriptorCount));

    NtStatus INetDmaProvider.AppendDma(object ProviderChannelContext, VirtualAddress DescriptorVirtualAddress,
        PhysicalAddress DescriptorPhysicalAddress, uint DescriptorCount) =>
        Command(ProviderChannelContext, c => _engine.Append(c, DescriptorPhysicalAddress, DescriptorCount));

    NtStatus INetDmaProvider.SuspendDma(object ProviderChannelContext, out PhysicalAddress pLastDescriptor)
    {
        var last = PhysicalAddress.Null;
        var status = Command(ProviderChannelContext, c => _engine.Suspend(c, out last));
        pLastDescriptor = last;
        return status;
    }

    NtStatus INetDmaProvider.ResumeDma(object ProviderChannelContext) => Command(ProviderChannelContext, _engine.Resume);

    NtStatus INetDmaProvider.AbortDma(object ProviderChannelContext) => Command(ProviderChannelContext, c => _engine.Halt(c, reset: false), halts: true);

    NtStatus INetDmaProvider.ResetChannel(object ProviderChannelContext) => Command(ProviderChannelContext, c => _engine.Halt(c, reset: true), halts: true);

    /// <summary>
    /// One command for an allocated channel, under the spin lock, between two engine steps (an abort or reset
    /// <paramref name="halts"/> the one running before it moves data): STATUS_SUCCESS when the engine took it.
    /// </summary>
    private NtStatus Command(object context, Func<Channel, bool> command, bool halts = false)
    {
        if (context is not Channel channel) return NtStatus.STATUS_UNSUCCESSFUL;
        Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
        Volatile.Write(ref channel.Halting, halts);
        Interlocked.Increment(ref channel.Held); // The engine's command handshake: no new step, and wait for one running.
        while (Volatile.Read(ref channel.Stepping) != 0) _ = Kernel.KeGetCurrentIrql(); // Each turn lets the kit's engine run.
        var accepted = channel.Owner is not null && command(channel);
        Interlocked.Decrement(ref channel.Held);
        Volatile.Write(ref channel.Halting, false);
        Kernel.KeReleaseSpinLock(_lock, oldIrql);
        return accepted ? NtStatus.STATUS_SUCCESS : NtStatus.STATUS_UNSUCCESSFUL;
    }

    /// <summary>The ISR, at DIRQL: acknowledge, tell NetDMA, aim and queue the DPC, no more (handling-a-netdma-interrupt.md).</summary>
    private bool OnInterrupt(KInterrupt Interrupt, object? ServiceContext, uint MessageId)
    {
        var claimed = _messageSignaled; // An MSI-X message is never shared; a line may be.
        foreach (var c in _channels.Where(c => c.InterruptPending && (!_messageSignaled || c.MessageId == MessageId)))
        {
            (c.InterruptPending, claimed) = (false, true);
            Interlocked.Increment(ref c.Reporting); // Before reading the owner: a free waits for it (no lock at DIRQL).
            if (c.Owner is { } owner) // Null once freed: nothing may be reported for it.
            {
                _env.NetDma.NetDmaIsr(owner, c.InterruptDescriptor, out var cpu);
                if (cpu != c.DpcCpu && cpu < Kernel.KeQueryActiveProcessorCount())
                    Kernel.KeSetTargetProcessorDpc(c.Dpc, (byte)(c.DpcCpu = cpu)); // "must use the CPU number that pCpuNumber specifies"
                c.DpcRequested = true;
                Kernel.KeInsertQueueDpc(c.Dpc, null, null);
            }

            Interlocked.Decrement(ref c.Reporting);
        }

        return claimed;
    }

    /// <summary>The interrupt DPC, at DISPATCH_LEVEL: reports the last completed descriptor, or NULL after a fault.</summary>
    private void OnDpc(KDpc Dpc, object? DeferredContext, object? SystemArgument1, object? SystemArgument2)
    {
        if (DeferredContext is not Channel c) return;
        Kernel.KeAcquireSpinLock(_lock, out var oldIrql);
        var (owner, last) = (c.DpcRequested ? c.Owner : null, c.Faulted || c.Last.IsNull ? (PhysicalAddress?)null : c.Last);
        c.DpcRequested = false;
        if (owner is not null) Interlocked.Increment(ref c.Reporting); // Under the lock: a free after it waits.
        Kernel.KeReleaseSpinLock(_lock, oldIrql);
        if (owner is not { } handle) return;
        _env.NetDma.NetDmaInterruptDpc(handle, last); // Unlocked: NetDMA may call back in (NDMA1006).
        Interlocked.Decrement(ref c.Reporting);
    }
}
