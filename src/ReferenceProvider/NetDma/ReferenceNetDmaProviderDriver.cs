using NetDma.Contracts.Kernel;
using NetDma.Contracts.Ndis;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ReferenceProvider.NetDma;

/// <summary>
/// The reference NetDMA provider driver: one DMA engine (<see cref="CopyEngine"/>) with a fixed number of hardware
/// channels, driven through the PnP entry points (this file), the nine provider handlers
/// (ReferenceNetDmaProviderDriver.Handlers.cs) and its ISR and interrupt DPC (ReferenceNetDmaProviderDriver.Interrupts.cs).
/// It is the kit's known-good baseline and the example a provider author copies.
/// </summary>
/// <remarks>
/// Life cycle: AddDevice registers (registering-a-netdma-provider.md), IRP_MN_FILTER_RESOURCE_REQUIREMENTS asks for
/// one MSI-X message per channel on the CPUs NetDMA chose (setting-the-netdma-interrupt-cpu-affinities.md),
/// IRP_MN_START_DEVICE prepares the channels and calls NetDmaProviderStart (starting-a-netdma-provider.md),
/// IRP_MN_STOP_DEVICE calls NetDmaProviderStop (stopping-a-netdma-provider.md) and IRP_MN_REMOVE_DEVICE deregisters.
/// IRP_MN_SET_POWER reports NetDmaNotificationProviderPowerDown before the engine stops and the device leaves D0, and
/// NetDmaNotificationProviderPowerUp once it is back and running (ne-netdma-_net_dma_pnp_notification_code.md).
/// The object itself is the ProviderContext passed to NetDmaRegisterProvider.
/// </remarks>
public sealed partial class ReferenceNetDmaProviderDriver : INetDmaProviderDriver, INetDmaProvider, IDevicePowerDriver
{
    /// <summary>Hardware channels of the parameterless constructor's engine.</summary>
    public const int DefaultChannelCount = 4;

    /// <summary>NET_DMA_PROVIDER_ATTRIBUTES.MaximumTransferSize: 1 MiB per descriptor (the page asks for at least 4 KB).</summary>
    public const uint MaximumTransferSize = 1024 * 1024;

    /// <summary>NET_DMA_PROVIDER_CHARACTERISTICS.FriendlyName.</summary>
    public const string FriendlyName = "NetDMA Conformance Kit reference provider";

    /// <summary>Pool tag of the channel contexts: the bytes "NdmR" as a little-endian ULONG, as C writes 'RmdN'.</summary>
    public const uint ChannelContextPoolTag = 'N' | ('d' << 8) | ('m' << 16) | ('R' << 24);

    private readonly int _channelCount;

    /// <summary>CPU number per channel from ProviderSetDmaChannelCpuAffinity (MSI-X platforms), or null.</summary>
    private readonly uint?[] _affinityCpuByChannel;

    private DriverEnvironment? _environment;
    private CopyEngine? _engine;
    private bool _engineAttached;
    private NetDmaProviderHandle _providerHandle;
    private bool _registered;
    private bool _started;
    private bool _messageSignaled;
    private KInterrupt? _interrupt;
    private ProviderChannel[] _channels = [];

    /// <summary>A provider with <see cref="DefaultChannelCount"/> hardware channels (what <c>netdma-kit run --provider</c> loads).</summary>
    public ReferenceNetDmaProviderDriver()
        : this(DefaultChannelCount)
    {
    }

    /// <summary>A provider with <paramref name="channelCount"/> hardware channels.</summary>
    /// <param name="channelCount">Number of hardware channels, at least 1; also MaxDmaChannelCount and DmaChannelCount.</param>
    public ReferenceNetDmaProviderDriver(int channelCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channelCount, 1);
        _channelCount = channelCount;
        _affinityCpuByChannel = new uint?[channelCount];
    }

    /// <summary>Number of hardware channels.</summary>
    public int ChannelCount => _channelCount;

    /// <summary>The FDO AddDevice created, or null before AddDevice, after a failed AddDevice and after RemoveDevice.</summary>
    public DeviceObject? FunctionalDeviceObject { get; private set; }

    /// <summary>The NetDMA version the provider registered with (the interface's version, capped at 2.0).</summary>
    public NetDmaVersion RegisteredVersion { get; private set; }

    private DriverEnvironment Environment =>
        _environment ?? throw new InvalidOperationException("AddDevice has not been called.");

    private IWdmKernel Kernel => Environment.Kernel;

    private INetDma NetDmaInterface => Environment.NetDma;

    private CopyEngine Engine => _engine ?? throw new InvalidOperationException("AddDevice has not been called.");

    /// <inheritdoc/>
    public NtStatus AddDevice(DriverEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;

        // registering-a-netdma-provider.md: AddDevice creates the FDO, then registers the provider.
        FunctionalDeviceObject = new DeviceObject(@"\Device\ReferenceNetDmaProvider") { DeviceExtension = this };

        // nf-netdma-netdmagetversion.md: register with a version no higher than the interface's (rule NDMA3011).
        // The version also decides how chains end (NetDMA 2.0: counted, not NULL-terminated).
        RegisteredVersion = NetDmaVersion.ForRegistration(QueryInterfaceVersion(environment.Ndis), NetDmaVersion.V2_0);
        _engine = new CopyEngine(environment.Bus, _channelCount, RegisteredVersion.ChainsAreCounted, MaximumTransferSize);

        var (majorVersion, minorVersion) = RegisteredVersion.ToCharacteristicsBytes();
        var characteristics = NetDmaProviderCharacteristics.For(this);
        characteristics.MajorVersion = majorVersion;
        characteristics.MinorVersion = minorVersion;
        characteristics.Flags = 0; // No DCA support claimed (ns-netdma-_net_dma_provider_characteristics.md).
        characteristics.PhysicalDeviceObject = environment.PhysicalDeviceObject;
        characteristics.MaxDmaChannelCount = (uint)_channelCount;
        characteristics.FriendlyName = FriendlyName;

        // With MSI-X, NetDMA calls SetDmaChannelCpuAffinity inside this call (nf-netdma-netdmaregisterprovider.md).
        var status = environment.NetDma.NetDmaRegisterProvider(this, out var providerHandle, characteristics);
        if (!NtStatusFacts.NT_SUCCESS(status))
        {
            // The handle is valid only on success (_Must_inspect_result_): keep nothing of a failed registration.
            FunctionalDeviceObject = null;
            return status;
        }

        _providerHandle = providerHandle;
        _registered = true;
        return NtStatus.STATUS_SUCCESS;
    }

    /// <summary>
    /// The NetDMA interface's version. NetDMA 1.0 does not export NetDmaGetVersion, so it is looked up with
    /// NdisGetRoutineAddress and called only when found; without it the interface is 1.0 (nf-netdma-netdmagetversion.md,
    /// rule NDMA3021).
    /// </summary>
    private static NetDmaVersion QueryInterfaceVersion(INdis ndis) =>
        ndis.NdisGetRoutineAddress(nameof(INetDma.NetDmaGetVersion)) is Func<uint> netDmaGetVersion
            ? NetDmaVersion.FromPacked(netDmaGetVersion())
            : NetDmaVersion.V1_0;

    /// <summary>
    /// The VendorID word of the device's PCI configuration space, read through the bus driver's BUS_INTERFACE_STANDARD:
    /// NET_DMA_PROVIDER_ATTRIBUTES.VendorId reports it (ns-netdma-_net_dma_provider_attributes.md, rule NDMA3018).
    /// </summary>
    /// <returns>The vendor ID, or null when the bus driver read nothing.</returns>
    private ushort? ReadPciVendorId()
    {
        var bus = Environment.BusInterface;
        var vendorId = new byte[sizeof(ushort)];
        var read = bus.GetBusData(bus.Context, BusInterfaceStandard.PCI_WHICHSPACE_CONFIG, vendorId,
            BusInterfaceStandard.PCI_COMMON_CONFIG_VENDOR_ID_OFFSET, (uint)vendorId.Length);
        return read == vendorId.Length ? BitConverter.ToUInt16(vendorId) : null;
    }

    /// <inheritdoc/>
    public IReadOnlyList<uint> FilterResourceRequirements()
    {
        // setting-the-netdma-interrupt-cpu-affinities.md: ask for the MSI-X affinities NetDMA passed to
        // ProviderSetDmaChannelCpuAffinity, one message per hardware channel (message i for channel i).
        var activeProcessorCount = Kernel.KeQueryActiveProcessorCount();
        var targets = new uint[_channelCount];
        for (var channel = 0; channel < _channelCount; channel++)
        {
            targets[channel] = _affinityCpuByChannel[channel] is { } cpu && cpu < activeProcessorCount ? cpu : 0;
        }

        return targets;
    }

    /// <inheritdoc/>
    public NtStatus StartDevice(DeviceResources resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        if (!_registered || _started)
        {
            return NtStatus.STATUS_INVALID_DEVICE_REQUEST;
        }

        if (resources.Interrupts.Count == 0)
        {
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        if (ReadPciVendorId() is not { } vendorId)
        {
            return NtStatus.STATUS_UNSUCCESSFUL;
        }

        var kernel = Kernel;
        var engine = Engine;

        // Fresh spin locks and DPCs on every start: a DPC queued before a stop may still be in a DPC queue, and
        // re-initializing a queued KDPC would corrupt it; the old DPC finds its channel unowned and does nothing.
        var channels = new ProviderChannel[_channelCount];
        for (var index = 0; index < _channelCount; index++)
        {
            var channel = new ProviderChannel(index);
            kernel.KeInitializeSpinLock(channel.SpinLock);
            kernel.KeInitializeDpc(channel.InterruptDpc, OnInterruptDpc, channel);

            // MSI-X: channel i signals the i-th granted message, which the platform aimed at the CPU asked for in
            // FilterResourceRequirements. Line-based: every channel shares the one interrupt.
            var interrupt = resources.Interrupts[resources.MessageSignaled ? index % resources.Interrupts.Count : 0];
            channel.MessageId = interrupt.MessageId;
            channel.InterruptCpu = resources.MessageSignaled ? interrupt.TargetProcessor : null;
            engine.RouteInterrupt(index, interrupt.MessageId);
            channels[index] = channel;
        }

        _channels = channels;
        _messageSignaled = resources.MessageSignaled;

        var status = kernel.IoConnectInterruptEx(Environment.PhysicalDeviceObject, OnInterrupt, this, out var interruptObject);
        if (!NtStatusFacts.NT_SUCCESS(status))
        {
            return status;
        }

        _interrupt = interruptObject;
        if (!_engineAttached)
        {
            Environment.Bus.AttachEngine(engine);
            _engineAttached = true;
        }

        // nf-netdma-netdmaproviderstart.md: be ready for every request before the call; NetDMA may allocate
        // channels from inside it.
        _started = true;
        NetDmaInterface.NetDmaProviderStart(_providerHandle, new NetDmaProviderAttributes
        {
            MajorHwVersion = 1,
            MinorHwVersion = 0,
            Flags = 0,
            VendorId = vendorId,
            DmaChannelCount = (uint)_channelCount,
            MaximumTransferSize = MaximumTransferSize,
            MaximumAddressSpace = new PhysicalAddress(ulong.MaxValue),
        });
        return NtStatus.STATUS_SUCCESS;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// PowerDeviceD3: NetDmaNotificationProviderPowerDown first, then the engine stops, then the IRP goes down to the
    /// bus driver, which takes the device out of D0. PowerDeviceD0: the bus driver has brought the device back; the
    /// engine runs again, then NetDmaNotificationProviderPowerUp (ne-netdma-_net_dma_pnp_notification_code.md). Only a
    /// started provider is in use by NetDMA, so only a started provider reports.
    /// </remarks>
    public NtStatus SetPower(DevicePowerState DeviceState)
    {
        var engine = Engine;
        if (DeviceState == DevicePowerState.PowerDeviceD3)
        {
            NotifyPower(NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerDown);
            engine.PowerDown();
        }
        else if (DeviceState == DevicePowerState.PowerDeviceD0)
        {
            engine.PowerUp();
            NotifyPower(NetDmaPnPNotificationCode.NetDmaNotificationProviderPowerUp);
        }

        return NtStatus.STATUS_SUCCESS;
    }

    /// <summary>NetDmaPnPEventNotify for a power code: revision 1, its size, no notification data (ns-netdma-_net_dma_pnp_notification.md).</summary>
    private void NotifyPower(NetDmaPnPNotificationCode code)
    {
        if (!_started)
        {
            return;
        }

        NetDmaInterface.NetDmaPnPEventNotify(_providerHandle, new NetDmaPnPNotification
        {
            StructureRevision = NetDmaPnPNotification.NET_DMA_PNP_NOTIFICATION_REVISION_1,
            StructureSize = NetDmaPnPNotification.SIZEOF_NET_DMA_PNP_NOTIFICATION,
            NotificationCode = code,
            Buffer = null,
            BufferLength = 0,
        });
    }

    /// <inheritdoc/>
    public void StopDevice()
    {
        if (!_started)
        {
            return;
        }

        // Refuse new allocations from here on; NetDMA waits for outstanding operations and frees every channel
        // (ProviderFreeDmaChannel, which frees its pool block) before NetDmaProviderStop returns
        // (nf-netdma-netdmaproviderstop.md).
        _started = false;
        NetDmaInterface.NetDmaProviderStop(_providerHandle);

        if (_interrupt is { } interrupt)
        {
            Kernel.IoDisconnectInterruptEx(interrupt);
            _interrupt = null;
        }
    }

    /// <inheritdoc/>
    public void RemoveDevice()
    {
        // nf-netdma-netdmaderegisterprovider.md: NetDmaProviderStop comes before NetDmaDeregisterProvider.
        StopDevice();
        if (_registered)
        {
            NetDmaInterface.NetDmaDeregisterProvider(_providerHandle);
            _registered = false;
            _providerHandle = default;
        }

        FunctionalDeviceObject = null;
    }
}
