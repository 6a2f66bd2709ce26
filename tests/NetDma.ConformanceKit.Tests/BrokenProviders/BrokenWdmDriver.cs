using NetDma.Contracts.Kernel;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;
using NetDma.ReferenceProvider.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// The base of the broken WDM bus-master drivers: the reference driver's packet-DMA sequence (StartIo →
/// AllocateAdapterChannel → AdapterControl: MapTransfer, program the device → ISR → DPC: FlushAdapterBuffers,
/// FreeMapRegisters, next piece or IoCompleteRequest + IoStartNextPacket; PutDmaAdapter at stop and removal), with
/// each step a virtual member a subclass overrides to put exactly one bug in. Unmodified it is correct: the conformance
/// suite passes it with no violation (<see cref="BrokenProviderTests"/>).
/// </summary>
public abstract class BrokenWdmDriver : IWdmDmaDriver
{
    private readonly KDpc _dpc = new();
    private DriverEnvironment _environment = null!;
    private KInterrupt? _interrupt;
    private Piece? _current;

    /// <summary>The FDO.</summary>
    protected DeviceObject Fdo { get; private set; } = null!;

    /// <summary>The adapter (null before start and after stop).</summary>
    protected DmaAdapter? Adapter { get; private set; }

    /// <summary>The map-register maximum IoGetDmaAdapter returned.</summary>
    protected uint MaximumMapRegisters { get; private set; }

    /// <summary>The device.</summary>
    protected BusMasterDeviceEngine? Engine { get; private set; }

    /// <summary>The kernel.</summary>
    protected IWdmKernel Kernel => _environment.Kernel;

    /// <summary>The driver environment.</summary>
    protected DriverEnvironment Environment => _environment;

    /// <summary>The DPC for the ISR.</summary>
    protected KDpc Dpc => _dpc;

    public DeviceObject? AddDevice(DriverEnvironment environment)
    {
        _environment = environment;
        Fdo = new DeviceObject($@"\Device\{GetType().Name}");
        return Fdo;
    }

    public virtual NtStatus StartDevice(DeviceResources resources)
    {
        Adapter = Kernel.IoGetDmaAdapter(_environment.PhysicalDeviceObject, Describe(), out var maximum);
        if (Adapter is null)
        {
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        MaximumMapRegisters = maximum;
        SetAlignmentRequirement();
        Kernel.KeInitializeDpc(_dpc, OnDpc, null);
        var status = Kernel.IoConnectInterruptEx(_environment.PhysicalDeviceObject, OnInterrupt, this, out _interrupt);
        if (!NtStatusFacts.NT_SUCCESS(status))
        {
            return status;
        }

        Engine = new BusMasterDeviceEngine(_environment.Bus, resources.Interrupts[0].MessageId);
        _environment.Bus.AttachEngine(Engine);
        return NtStatus.STATUS_SUCCESS;
    }

    public void StartIo(DeviceObject DeviceObject, Irp Irp)
    {
        _current = new Piece(Irp, MdlFor(Irp));
        RequestPiece(_current);
    }

    public virtual void StopDevice() => ReleaseHardware();

    public virtual void RemoveDevice() => ReleaseHardware();

    /// <summary>The DEVICE_DESCRIPTION given to IoGetDmaAdapter.</summary>
    protected virtual DeviceDescription Describe() => new()
    {
        Version = DeviceDescription.DEVICE_DESCRIPTION_VERSION,
        Master = true,
        Dma64BitAddresses = true,
        InterfaceType = InterfaceType.PCIBus,
        MaximumLength = BusMasterSampleDriver.MaximumTransferLength,
    };

    /// <summary>Sets the FDO's AlignmentRequirement from GetDmaAlignment (nc-wdm-pget_dma_alignment.md), as the reference driver does.</summary>
    protected virtual void SetAlignmentRequirement() =>
        Fdo.AlignmentRequirement = Math.Max(Fdo.AlignmentRequirement, Adapter!.DmaOperations.GetDmaAlignment!(Adapter) - 1);

    /// <summary>Where the next piece starts: <paramref name="done"/> bytes into the MDL (CurrentVa advanced past what was transferred).</summary>
    protected virtual VirtualAddress PieceStart(Mdl mdl, uint done) => mdl.StartVa.Offset(done);

    /// <summary>The piece's length: as much of <paramref name="remaining"/> as <paramref name="registers"/> map registers cover.</summary>
    protected virtual uint PieceLength(VirtualAddress va, uint remaining, uint registers) => MapRegisterMath.PieceLength(va, remaining, registers);

    /// <summary>The address the device is programmed with: MapTransfer's logical address.</summary>
    protected virtual PhysicalAddress DeviceAddress(PhysicalAddress logical, Mdl mdl, VirtualAddress currentVa) => logical;

    /// <summary>True to free a piece's map registers before asking for the next piece's (false: ask first, then free).</summary>
    protected virtual bool FreeBeforeNextPiece => true;

    /// <summary>Asks for the channel and <paramref name="registers"/> map registers of <paramref name="piece"/>, with AdapterControl <paramref name="adapterControl"/>.</summary>
    protected virtual NtStatus AllocateChannel(uint registers, object piece, DriverControl adapterControl) =>
        Adapter!.DmaOperations.AllocateAdapterChannel!(Adapter, Fdo, registers, adapterControl, piece);

    /// <summary>The MDL the transfer maps (the IRP's).</summary>
    protected virtual Mdl MdlFor(Irp irp) => irp.MdlAddress;

    /// <summary>Map registers reserved for something other than the piece (0).</summary>
    protected virtual uint ExtraMapRegisters => 0;

    /// <summary>NumberOfMapRegisters asked for a piece spanning <paramref name="pages"/> pages.</summary>
    protected virtual uint RegistersFor(uint pages) => pages + ExtraMapRegisters;

    /// <summary>Called in the DPC just before AllocateAdapterChannel for a transfer's next piece.</summary>
    protected virtual void BeforeNextPieceFromDpc()
    {
    }

    /// <summary>AllocateAdapterChannel failed: complete the IRP with the failure and start the next packet.</summary>
    protected virtual void OnChannelFailure(Irp irp, NtStatus status) => Complete(status, 0);

    /// <summary>MapTransfer of the piece (and nothing else).</summary>
    protected virtual PhysicalAddress MapPiece(Mdl mdl, MapRegisterBase mapRegisterBase, VirtualAddress currentVa, ref uint length, bool writeToDevice) =>
        Adapter!.DmaOperations.MapTransfer!(Adapter, mdl, mapRegisterBase, currentVa, ref length, writeToDevice);

    /// <summary>FlushAdapterBuffers of the piece with the values MapTransfer had.</summary>
    protected virtual bool FlushPiece(Mdl mdl, MapRegisterBase mapRegisterBase, VirtualAddress currentVa, uint length, bool writeToDevice) =>
        Adapter!.DmaOperations.FlushAdapterBuffers!(Adapter, mdl, mapRegisterBase, currentVa, length, writeToDevice);

    /// <summary>FreeMapRegisters of the piece.</summary>
    protected virtual void FreeRegisters(MapRegisterBase mapRegisterBase, uint count) =>
        Adapter!.DmaOperations.FreeMapRegisters!(Adapter, mapRegisterBase, count);

    /// <summary>True to complete the IRP of the last piece before flushing it (the wrong order).</summary>
    protected virtual bool CompleteBeforeFlush => false;

    /// <summary>Called from the ISR after the DPC was queued.</summary>
    protected virtual void AfterQueueingDpc()
    {
    }

    /// <summary>Called in the DPC once the piece is flushed.</summary>
    protected virtual void AfterFlush()
    {
    }

    /// <summary>Stop and removal: disconnect, reset the device, PutDmaAdapter.</summary>
    protected virtual void ReleaseHardware()
    {
        if (_interrupt is { } interrupt)
        {
            Kernel.IoDisconnectInterruptEx(interrupt);
            _interrupt = null;
        }

        Engine?.Reset();
        Engine = null;
        if (Adapter is { } adapter)
        {
            adapter.DmaOperations.PutDmaAdapter!(adapter);
            Adapter = null;
        }
    }

    private void RequestPiece(Piece piece)
    {
        piece.Va = PieceStart(piece.Mdl, piece.Done);
        piece.Length = PieceLength(piece.Va, piece.Mdl.ByteCount - piece.Done, MaximumMapRegisters - ExtraMapRegisters);
        piece.Registers = RegistersFor(MapRegisterMath.SpanPages(piece.Va, piece.Length));
        piece.Base = null;
        var status = AllocateChannel(piece.Registers, piece, AdapterControl);
        if (!NtStatusFacts.NT_SUCCESS(status))
        {
            OnChannelFailure(piece.Irp, status);
        }
    }

    /// <summary>AdapterControl: map the piece, program the device, keep the map registers for the DPC.</summary>
    protected IoAllocationAction AdapterControl(DeviceObject DeviceObject, Irp? Irp, MapRegisterBase MapRegisterBase, object? Context)
    {
        var piece = (Piece)Context!;
        piece.Base = MapRegisterBase;
        var length = piece.Length;
        var logical = MapPiece(piece.Mdl, MapRegisterBase, piece.Va, ref length, piece.Irp.WriteToDevice);
        piece.Length = length;
        Engine!.Program(DeviceAddress(logical, piece.Mdl, piece.Va), length, piece.Irp.WriteToDevice, piece.Done);
        return IoAllocationAction.DeallocateObjectKeepRegisters;
    }

    private bool OnInterrupt(KInterrupt Interrupt, object? ServiceContext, uint MessageId)
    {
        if (Engine is not { } engine || !engine.AcknowledgeInterrupt())
        {
            return false;
        }

        Kernel.KeInsertQueueDpc(_dpc, null, null);
        AfterQueueingDpc();
        return true;
    }

    private void OnDpc(KDpc Dpc, object? DeferredContext, object? SystemArgument1, object? SystemArgument2)
    {
        if (_current is not { Base: { } mapRegisterBase } piece)
        {
            return;
        }

        var last = piece.Done + piece.Length >= piece.Mdl.ByteCount;
        if (last && CompleteBeforeFlush)
        {
            _current = null;
            Kernel.IoCompleteRequest(piece.Irp, NtStatus.STATUS_SUCCESS, piece.Mdl.ByteCount);
        }

        FlushPiece(piece.Mdl, mapRegisterBase, piece.Va, piece.Length, piece.Irp.WriteToDevice);
        AfterFlush();
        if (!last && !FreeBeforeNextPiece)
        {
            // The next piece's registers are asked for while this piece's are still held (its AdapterControl runs now).
            var registers = piece.Registers;
            piece.Base = null;
            piece.Done += piece.Length;
            BeforeNextPieceFromDpc();
            RequestPiece(piece);
            FreeRegisters(mapRegisterBase, registers);
            return;
        }

        FreeRegisters(mapRegisterBase, piece.Registers);
        piece.Base = null;
        if (last && CompleteBeforeFlush)
        {
            Kernel.IoStartNextPacket(Fdo);
            return;
        }

        piece.Done += piece.Length;
        if (!last)
        {
            BeforeNextPieceFromDpc();
            RequestPiece(piece);
            return;
        }

        Complete(NtStatus.STATUS_SUCCESS, piece.Done);
    }

    /// <summary>IoCompleteRequest of the current IRP, then IoStartNextPacket.</summary>
    protected void Complete(NtStatus status, ulong information)
    {
        var piece = _current!;
        _current = null;
        Kernel.IoCompleteRequest(piece.Irp, status, information);
        AfterCompleting(piece.Irp, status, information);
        Kernel.IoStartNextPacket(Fdo);
    }

    /// <summary>Called once the IRP was completed with IoCompleteRequest, before IoStartNextPacket.</summary>
    protected virtual void AfterCompleting(Irp irp, NtStatus status, ulong information)
    {
    }

    /// <summary>One transfer IRP and the piece of it being moved.</summary>
    protected sealed class Piece(Irp irp, Mdl mdl)
    {
        public Irp Irp { get; } = irp;

        public Mdl Mdl { get; } = mdl;

        public uint Done { get; set; }

        public VirtualAddress Va { get; set; }

        public uint Length { get; set; }

        public uint Registers { get; set; }

        public MapRegisterBase? Base { get; set; }
    }
}
