using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ReferenceProvider.Wdm;

/// <summary>
/// A WDM packet-based bus-master DMA driver done right: IoGetDmaAdapter at start, and per transfer IRP
/// StartIo → AllocateAdapterChannel → AdapterControl (MapTransfer, program the device) → interrupt → DPC
/// (FlushAdapterBuffers, FreeMapRegisters, next piece or IoCompleteRequest + IoStartNextPacket); PutDmaAdapter at
/// IRP_MN_STOP_DEVICE and removal. Its device is a <see cref="BusMasterDeviceEngine"/>.
/// </summary>
/// <remarks>
/// <para>
/// One request at a time per device object (nc-wdm-pallocate_adapter_channel.md; rule NDMA4001): StartIo asks for the
/// first piece; each further piece is asked for by the DPC, after the previous AdapterControl ran, its transfer
/// finished and its map registers were freed. AllocateAdapterChannel is never called from AdapterControl (rule
/// NDMA4002), and no piece needs more map registers than IoGetDmaAdapter granted (rule NDMA4003).
/// </para>
/// <para>
/// Stop and removal do not assume the device finished its I/O: after a surprise removal the device raises no more
/// interrupts, so the DPC that would flush and free the piece in flight never runs. <see cref="ReleaseHardware"/> ends
/// that piece itself (FlushAdapterBuffers, FreeMapRegisters, the IRP failed) before PutDmaAdapter.
/// </para>
/// </remarks>
public sealed class BusMasterSampleDriver : IWdmDmaDriver
{
    /// <summary>DEVICE_DESCRIPTION.MaximumLength: the largest transfer the driver wants mapped at once, 64 KiB.</summary>
    public const uint MaximumTransferLength = 64 * 1024;

    private readonly KDpc _dpcForIsr = new();
    private DriverEnvironment? _environment;
    private DmaAdapter? _adapter;
    private uint _maximumMapRegisters;
    private KInterrupt? _interrupt;
    private BusMasterDeviceEngine? _engine;
    private BusMasterTransfer? _current;

    /// <summary>The FDO AddDevice created, or null before AddDevice and after RemoveDevice.</summary>
    public DeviceObject? FunctionalDeviceObject { get; private set; }

    /// <summary>The device (null before StartDevice).</summary>
    public BusMasterDeviceEngine? Device => _engine;

    /// <summary>The map-register maximum IoGetDmaAdapter returned (0 before StartDevice).</summary>
    public uint MaximumMapRegisters => _maximumMapRegisters;

    private DriverEnvironment Environment =>
        _environment ?? throw new InvalidOperationException("AddDevice has not been called.");

    private IWdmKernel Kernel => Environment.Kernel;

    /// <inheritdoc/>
    public DeviceObject? AddDevice(DriverEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        FunctionalDeviceObject = new DeviceObject(@"\Device\BusMasterSample") { DeviceExtension = this };
        return FunctionalDeviceObject;
    }

    /// <inheritdoc/>
    public NtStatus StartDevice(DeviceResources resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        if (FunctionalDeviceObject is null || _adapter is not null)
        {
            return NtStatus.STATUS_INVALID_DEVICE_REQUEST;
        }

        if (resources.Interrupts.Count == 0)
        {
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        var kernel = Kernel;

        // nf-wdm-iogetdmaadapter.md: zero-initialize the description, then fill in what describes the device.
        var description = new DeviceDescription
        {
            Version = DeviceDescription.DEVICE_DESCRIPTION_VERSION,
            Master = true,
            Dma64BitAddresses = true,
            InterfaceType = InterfaceType.PCIBus,
            MaximumLength = MaximumTransferLength,
        };
        var adapter = kernel.IoGetDmaAdapter(Environment.PhysicalDeviceObject, description, out var maximumMapRegisters);
        if (adapter is null)
        {
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        // "There is no guarantee a driver will receive the same number of map registers it requested" (same page):
        // keep the count granted. Without map registers, or without the routines this driver calls, it cannot work.
        var operations = adapter.DmaOperations;
        if (maximumMapRegisters == 0
            || operations.AllocateAdapterChannel is null
            || operations.MapTransfer is null
            || operations.FlushAdapterBuffers is null
            || operations.FreeMapRegisters is null)
        {
            operations.PutDmaAdapter?.Invoke(adapter);
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        // nc-wdm-pget_dma_alignment.md: GetDmaAlignment's value "should be used to set the AlignmentRequirement field in
        // the device object" (rule NDMA4025); AlignmentRequirement is the mask form, alignment - 1. The device itself
        // needs no more. Its pieces start and end on page boundaries of an aligned buffer, so they keep the alignment
        // (rule NDMA4024).
        if (operations.GetDmaAlignment is { } getDmaAlignment)
        {
            FunctionalDeviceObject.AlignmentRequirement = Math.Max(FunctionalDeviceObject.AlignmentRequirement, getDmaAlignment(adapter) - 1);
        }

        kernel.KeInitializeDpc(_dpcForIsr, OnDpcForIsr, null);
        var status = kernel.IoConnectInterruptEx(Environment.PhysicalDeviceObject, OnInterrupt, this, out var interrupt);
        if (!NtStatusFacts.NT_SUCCESS(status))
        {
            operations.PutDmaAdapter?.Invoke(adapter);
            return status;
        }

        _adapter = adapter;
        _maximumMapRegisters = maximumMapRegisters;
        _interrupt = interrupt;
        _engine = new BusMasterDeviceEngine(Environment.Bus, resources.Interrupts[0].MessageId);
        Environment.Bus.AttachEngine(_engine);
        return NtStatus.STATUS_SUCCESS;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// DISPATCH_LEVEL (nc-wdm-driver_startio.md). Starts the IRP's first piece; an empty or unservable request is
    /// completed at once and the next packet started.
    /// </remarks>
    public void StartIo(DeviceObject DeviceObject, Irp Irp)
    {
        ArgumentNullException.ThrowIfNull(Irp);
        _current = new BusMasterTransfer(Irp);
        if (_adapter is null || _engine is null)
        {
            CompleteCurrent(NtStatus.STATUS_DEVICE_NOT_READY);
            return;
        }

        if (Irp.MdlAddress.ByteCount == 0)
        {
            CompleteCurrent(NtStatus.STATUS_SUCCESS);
            return;
        }

        RequestPiece(_current);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// PASSIVE_LEVEL. Releases the hardware as <see cref="RemoveDevice"/> does, PutDmaAdapter included ("A driver must
    /// call PutDmaAdapter when it receives a PnP IRP_MN_STOP_DEVICE request", nc-wdm-pput_dma_adapter.md; rule
    /// NDMA4007), but keeps the FDO: a later IRP_MN_START_DEVICE gets a new adapter.
    /// </remarks>
    public void StopDevice() => ReleaseHardware();

    /// <inheritdoc/>
    /// <remarks>
    /// PASSIVE_LEVEL. Releases the hardware (<see cref="ReleaseHardware"/>) and forgets the FDO.
    /// </remarks>
    public void RemoveDevice()
    {
        ReleaseHardware();
        FunctionalDeviceObject = null;
    }

    /// <summary>
    /// Disconnects the interrupt first, so that no ISR or DPC runs against a released adapter, stops the device, ends
    /// the piece still in flight (<see cref="AbandonTransferInFlight"/>), then releases the adapter: PutDmaAdapter comes
    /// "after completing DMA operations and freeing any map registers" (nc-wdm-pput_dma_adapter.md; rule NDMA4007).
    /// </summary>
    private void ReleaseHardware()
    {
        if (_interrupt is { } interrupt)
        {
            Kernel.IoDisconnectInterruptEx(interrupt);
            _interrupt = null;
        }

        _engine?.Reset();
        _engine = null;
        AbandonTransferInFlight();
        if (_adapter is { } adapter)
        {
            adapter.DmaOperations.PutDmaAdapter?.Invoke(adapter);
            _adapter = null;
        }

        _maximumMapRegisters = 0;
    }

    /// <summary>
    /// The device is stopped (or gone, after a surprise removal) with a piece mapped: no interrupt will end it, so do
    /// what the DPC would at DISPATCH_LEVEL, where FreeMapRegisters is called (nc-wdm-pfree_map_registers.md):
    /// FlushAdapterBuffers before FreeMapRegisters (nc-wdm-pflush_adapter_buffers.md; rules NDMA4004, NDMA4011), then
    /// fail the IRP. StartIo fails the IRPs queued behind it, since the device is gone (<c>_engine</c> is null).
    /// </summary>
    private void AbandonTransferInFlight()
    {
        if (_current is not { MapRegisterBase: { } mapRegisterBase } transfer || _adapter is not { } adapter)
        {
            return;
        }

        Kernel.KeRaiseIrql(Irql.DISPATCH_LEVEL, out var oldIrql);
        var operations = adapter.DmaOperations;
        _ = operations.FlushAdapterBuffers!(
            adapter, transfer.Mdl, mapRegisterBase, transfer.PieceVirtualAddress, transfer.PieceLength, transfer.WriteToDevice);
        operations.FreeMapRegisters!(adapter, mapRegisterBase, transfer.PieceMapRegisters);
        transfer.MapRegisterBase = null;
        CompleteCurrent(NtStatus.STATUS_DEVICE_NOT_READY);
        Kernel.KeLowerIrql(oldIrql);
    }

    /// <summary>
    /// Asks for the map registers of the transfer's next piece (DISPATCH_LEVEL: from StartIo or the DPC). On failure
    /// AdapterControl will not run, so the IRP is completed with the failure (nc-wdm-pallocate_adapter_channel.md).
    /// </summary>
    private void RequestPiece(BusMasterTransfer transfer)
    {
        var adapter = _adapter!;
        var pieceStart = transfer.Mdl.StartVa.Offset(transfer.BytesTransferred);
        var remaining = transfer.Mdl.ByteCount - transfer.BytesTransferred;
        transfer.PieceVirtualAddress = pieceStart;
        transfer.PieceLength = MapRegisterMath.PieceLength(pieceStart, remaining, _maximumMapRegisters);
        transfer.PieceMapRegisters = MapRegisterMath.SpanPages(pieceStart, transfer.PieceLength);
        transfer.MapRegisterBase = null;

        // From StartIo, CurrentIrp is the IRP StartIo received; from the DPC it still is (the I/O manager changes it
        // only in IoStartNextPacket), so AdapterControl's Irp is this transfer's IRP. The Context carries the
        // transfer itself, which is what AdapterControl uses.
        var status = adapter.DmaOperations.AllocateAdapterChannel!(
            adapter, FunctionalDeviceObject!, transfer.PieceMapRegisters, OnAdapterControl, transfer);
        if (!NtStatusFacts.NT_SUCCESS(status))
        {
            CompleteCurrent(status);
        }
    }

    /// <summary>
    /// AdapterControl (DRIVER_CONTROL), at DISPATCH_LEVEL: map the piece, program the device, and keep the map
    /// registers until the DPC has flushed (nc-wdm-driver_control.md: a bus master returns DeallocateObject or
    /// DeallocateObjectKeepRegisters; rule NDMA4008). It never calls AllocateAdapterChannel.
    /// </summary>
    private IoAllocationAction OnAdapterControl(DeviceObject DeviceObject, Irp? Irp, MapRegisterBase MapRegisterBase, object? Context)
    {
        if (Context is not BusMasterTransfer transfer || _adapter is not { } adapter || _engine is not { } engine)
        {
            return IoAllocationAction.DeallocateObject;
        }

        transfer.MapRegisterBase = MapRegisterBase;
        var length = transfer.PieceLength;
        var logicalAddress = adapter.DmaOperations.MapTransfer!(
            adapter, transfer.Mdl, MapRegisterBase, transfer.PieceVirtualAddress, ref length, transfer.WriteToDevice);

        // nc-wdm-pmap_transfer.md: on return Length is what was mapped; the piece is that long.
        transfer.PieceLength = length;
        engine.Program(logicalAddress, length, transfer.WriteToDevice, transfer.BytesTransferred);
        return IoAllocationAction.DeallocateObjectKeepRegisters;
    }

    /// <summary>The ISR, at DIRQL: acknowledge the device and defer everything else to the DPC.</summary>
    private bool OnInterrupt(KInterrupt Interrupt, object? ServiceContext, uint MessageId)
    {
        if (_engine is not { } engine || !engine.AcknowledgeInterrupt())
        {
            return false;
        }

        Kernel.KeInsertQueueDpc(_dpcForIsr, null, null);
        return true;
    }

    /// <summary>
    /// The DPC, at DISPATCH_LEVEL: end the piece (FlushAdapterBuffers before FreeMapRegisters with the count that was
    /// allocated: nc-wdm-pflush_adapter_buffers.md, nc-wdm-pfree_map_registers.md; rules NDMA4004, NDMA4005), then
    /// request the next piece or complete the IRP and start the next packet.
    /// </summary>
    private void OnDpcForIsr(KDpc Dpc, object? DeferredContext, object? SystemArgument1, object? SystemArgument2)
    {
        if (_current is not { MapRegisterBase: { } mapRegisterBase } transfer || _adapter is not { } adapter)
        {
            return;
        }

        var operations = adapter.DmaOperations;
        var flushed = operations.FlushAdapterBuffers!(
            adapter, transfer.Mdl, mapRegisterBase, transfer.PieceVirtualAddress, transfer.PieceLength, transfer.WriteToDevice);
        operations.FreeMapRegisters!(adapter, mapRegisterBase, transfer.PieceMapRegisters);
        transfer.MapRegisterBase = null;

        if (!flushed || _engine is not { LastTransferSucceeded: true })
        {
            CompleteCurrent(NtStatus.STATUS_UNSUCCESSFUL);
            return;
        }

        transfer.BytesTransferred += transfer.PieceLength;
        if (transfer.BytesTransferred < transfer.Mdl.ByteCount)
        {
            RequestPiece(transfer);
            return;
        }

        CompleteCurrent(NtStatus.STATUS_SUCCESS);
    }

    /// <summary>
    /// Completes the current IRP with the bytes transferred so far, then lets the I/O manager start the next one
    /// (which may call StartIo before IoStartNextPacket returns, so the current transfer is cleared first).
    /// </summary>
    private void CompleteCurrent(NtStatus status)
    {
        var transfer = _current!;
        _current = null;
        Kernel.IoCompleteRequest(transfer.Irp, status, transfer.BytesTransferred);
        Kernel.IoStartNextPacket(FunctionalDeviceObject!);
    }
}
