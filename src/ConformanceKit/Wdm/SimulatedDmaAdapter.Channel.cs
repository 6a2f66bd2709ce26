using NetDma.ConformanceKit.Catalog;
using NetDma.ConformanceKit.Kernel;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Wdm;

/// <summary>
/// The adapter channel and map registers: AllocateAdapterChannel(Ex), the AdapterControl call and its
/// IO_ALLOCATION_ACTION, FreeAdapterChannel, FreeMapRegisters.
/// </summary>
public sealed partial class SimulatedDmaAdapter
{
    /// <summary>The routine name AdapterControl runs under in traces and reports.</summary>
    public const string AdapterControlRoutineName = "AdapterControl (DRIVER_CONTROL)";

    /// <summary><c>DMA_SYNCHRONOUS_CALLBACK</c> (0x1), the one flag AllocateAdapterChannelEx supports.</summary>
    public const uint DMA_SYNCHRONOUS_CALLBACK = 0x1;

    private const string AdapterControlPage = "nc-wdm-driver_control.md";

    private static readonly DdiContract AllocateAdapterChannelContract = DdiContract.For<PAllocateAdapterChannel>();
    private static readonly DdiContract AllocateAdapterChannelExContract = DdiContract.For<PAllocateAdapterChannelEx>();
    private static readonly DdiContract FreeAdapterChannelContract = DdiContract.For<PFreeAdapterChannel>();
    private static readonly DdiContract FreeMapRegistersContract = DdiContract.For<PFreeMapRegisters>();

    private readonly Queue<AdapterChannelRequest> _waiting = new();
    private readonly Dictionary<ulong, MapRegisterGrant> _grants = [];
    private AdapterChannelRequest? _owner;
    private int _adapterControlDepth;
    private uint _grantCount;
    private bool _routineLessAllocations;

    /// <summary>True while the adapter channel is held (AdapterControl running, or it returned KeepObject).</summary>
    public bool ChannelHeld => _owner is not null;

    /// <summary>AllocateAdapterChannel requests waiting for the channel.</summary>
    public int WaitingRequestCount => _waiting.Count;

    /// <summary>
    /// AllocateAdapterChannel (nc-wdm-pallocate_adapter_channel.md). Refused with STATUS_INSUFFICIENT_RESOURCES, and
    /// AdapterControl not queued, when called from inside AdapterControl (NDMA4002), while the device object has a
    /// request still waiting (NDMA4001), or for more map registers than IoGetDmaAdapter returned (NDMA4003).
    /// Otherwise AdapterControl runs at once if the channel is free, else when it is released.
    /// </summary>
    private NtStatus AllocateAdapterChannel(DmaAdapter DmaAdapter, DeviceObject DeviceObject, uint NumberOfMapRegisters,
        DriverControl ExecutionRoutine, object? Context)
    {
        if (!Enter(AllocateAdapterChannelContract, DmaAdapter, $", {DeviceObject}, NumberOfMapRegisters = {NumberOfMapRegisters}"))
        {
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        // Judged only for a device whose IRPs the I/O manager starts through StartIo (IoStartPacket): that is where
        // CurrentIrp means "the IRP being processed"; a driver that never queues IRPs that way has no current IRP.
        Kernel.Log.Checked(AdapterRules.CurrentIrpOutsideStartIo);
        if (Kernel.CurrentRoutine != SimulatedKernel.StartIoRoutineName && Kernel.UsesStartIo(DeviceObject)
            && (DeviceObject.CurrentIrp is not { } current || Kernel.IsCompleted(current)))
        {
            // nc-wdm-driver_control.md: only from StartIo is CurrentIrp guaranteed to be the IRP being processed;
            // "Otherwise, drivers must set the CurrentIrp member ... before calling AllocateAdapterChannel".
            Kernel.Log.Report(AdapterRules.CurrentIrpOutsideStartIo,
                $"outside StartIo, {DeviceObject}->CurrentIrp set to the IRP being processed before AllocateAdapterChannel",
                $"AllocateAdapterChannel({this}, {DeviceObject}) from {Kernel.CurrentRoutine ?? "no driver routine"} with CurrentIrp = " +
                (DeviceObject.CurrentIrp is null ? "NULL" : "an IRP already completed with IoCompleteRequest") + "; AdapterControl receives it as Irp",
                AdapterRules.CurrentIrpOutsideStartIo.Page);
        }

        var status = RequestChannel(AllocateAdapterChannelContract, DeviceObject, NumberOfMapRegisters, ExecutionRoutine, Context, synchronous: false);
        Kernel.NoteAdapterChannelResult(DeviceObject, status);
        return status;
    }

    /// <summary>
    /// AllocateAdapterChannelEx (nc-wdm-pallocate_adapter_channel_ex.md), with the checks of AllocateAdapterChannel.
    /// Flags other than DMA_SYNCHRONOUS_CALLBACK, or no ExecutionRoutine without it, are NDMA4029 and
    /// STATUS_INVALID_PARAMETER (the page's STATUS_INVALID_PARAMETERS). With DMA_SYNCHRONOUS_CALLBACK a busy channel fails with
    /// STATUS_INSUFFICIENT_RESOURCES; with it and no ExecutionRoutine the driver gets the resources in
    /// <paramref name="MapRegisterBase"/> and keeps the adapter object until FreeAdapterObject (NDMA4022). A
    /// DmaTransferContext of an allocation request still outstanding on any adapter is NDMA4021 (the request goes on).
    /// </summary>
    private NtStatus AllocateAdapterChannelEx(DmaAdapter DmaAdapter, DeviceObject DeviceObject, object DmaTransferContext,
        uint NumberOfMapRegisters, uint Flags, DriverControl? ExecutionRoutine, object? ExecutionContext, out MapRegisterBase? MapRegisterBase)
    {
        MapRegisterBase = null;
        if (!Enter(AllocateAdapterChannelExContract, DmaAdapter,
                $", {DeviceObject}, NumberOfMapRegisters = {NumberOfMapRegisters}, Flags = 0x{Flags:X}"))
        {
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        var synchronous = (Flags & DMA_SYNCHRONOUS_CALLBACK) != 0;
        Kernel.Log.Checked(AdapterRules.AllocateAdapterChannelExParameters);
        if ((Flags & ~DMA_SYNCHRONOUS_CALLBACK) != 0 || (ExecutionRoutine is null && !synchronous))
        {
            // "-param Flags": DMA_SYNCHRONOUS_CALLBACK is "the following flag [that] is supported". "-param
            // MapRegisterBase": without that flag MapRegisterBase is NULL, and "the call fails if MapRegisterBase and
            // ExecutionRoutine are both NULL". MapRegisterBase is an out parameter here, so only these two are judged.
            Kernel.Log.Report(AdapterRules.AllocateAdapterChannelExParameters,
                "Flags 0 or DMA_SYNCHRONOUS_CALLBACK (0x1), and an ExecutionRoutine unless DMA_SYNCHRONOUS_CALLBACK is set",
                (Flags & ~DMA_SYNCHRONOUS_CALLBACK) != 0
                    ? $"AllocateAdapterChannelEx({this}, {DeviceObject}) with Flags = 0x{Flags:X}, bits 0x{Flags & ~DMA_SYNCHRONOUS_CALLBACK:X} of which the page does not support = STATUS_INVALID_PARAMETER"
                    : $"AllocateAdapterChannelEx({this}, {DeviceObject}) with no ExecutionRoutine and without DMA_SYNCHRONOUS_CALLBACK (MapRegisterBase and ExecutionRoutine both NULL) = STATUS_INVALID_PARAMETER",
                AdapterRules.AllocateAdapterChannelExParameters.Page);
            return NtStatus.STATUS_INVALID_PARAMETER;
        }

        CheckTransferContextUnique(DeviceObject, DmaTransferContext);
        var status = RequestChannel(AllocateAdapterChannelExContract, DeviceObject, NumberOfMapRegisters, ExecutionRoutine,
            ExecutionContext, synchronous, DmaTransferContext);
        if (ExecutionRoutine is null && status == NtStatus.STATUS_SUCCESS)
        {
            MapRegisterBase = _owner!.Grant!.Base;
        }

        return status;
    }

    /// <summary>
    /// NDMA4021 (nc-wdm-pallocate_adapter_channel_ex.md: the DmaTransferContext "must be unique across all adapter
    /// allocation requests"): no request still outstanding on any adapter of the kernel (waiting for its channel, or
    /// holding map registers not yet freed) was made with the same context object.
    /// </summary>
    private void CheckTransferContextUnique(DeviceObject device, object? context)
    {
        if (context is null)
        {
            return;
        }

        Kernel.Log.Checked(AdapterRules.UniqueDmaTransferContext);
        var holder = Kernel.DmaAdapters.SelectMany(a => a.OutstandingTransferContexts().Select(o => (Adapter: a, o.Holder, o.Context)))
            .FirstOrDefault(o => ReferenceEquals(o.Context, context));
        if (holder.Context is not null)
        {
            Kernel.Log.Report(AdapterRules.UniqueDmaTransferContext,
                "AllocateAdapterChannelEx with a DmaTransferContext no outstanding allocation request uses",
                $"AllocateAdapterChannelEx({this}, {device}) with the DmaTransferContext of {holder.Holder} on {holder.Adapter}, still outstanding",
                AdapterRules.UniqueDmaTransferContext.Page);
        }
    }

    /// <summary>The DmaTransferContexts of this adapter's outstanding AllocateAdapterChannelEx requests, with what holds each.</summary>
    private IEnumerable<(string Holder, object Context)> OutstandingTransferContexts() =>
        _waiting.Where(r => r.DmaTransferContext is not null).Select(r => ($"a request of {r.Device} waiting for the adapter channel", r.DmaTransferContext!))
            .Concat(_grants.Values.Where(g => g.State != MapRegisterGrantState.Freed && g.DmaTransferContext is not null)
                .Select(g => ($"the request holding {g} ({g.State})", g.DmaTransferContext!)));

    /// <summary>
    /// FreeAdapterObject (DMA_OPERATIONS version 3; its page is not in the corpus, see <see cref="PFreeAdapterObject"/>):
    /// releases the adapter object a routine-less synchronous AllocateAdapterChannelEx allocated, and the map registers
    /// with it unless <paramref name="AllocationAction"/> is DeallocateObjectKeepRegisters (then FreeMapRegisters
    /// frees them). Without such an adapter object held it is NDMA4005 and ignored. No IRQL is checked: no corpus page
    /// states one.
    /// </summary>
    private void FreeAdapterObject(DmaAdapter DmaAdapter, IoAllocationAction AllocationAction)
    {
        Kernel.Log.Trace.Record($"{Kernel.Where} driver -> FreeAdapterObject({this}, {AllocationAction})");
        if (Kernel.InHardwareContext)
        {
            // Hardware calls no driver routine at any IRQL (NDMA1001); the requirement itself is not in the corpus.
            Kernel.CheckCallerIrql("FreeAdapterObject", IrqlRequirement.Any, AllocateAdapterChannelExContract.Page);
            return;
        }

        if (_owner?.Grant is not { State: MapRegisterGrantState.WithAdapterObject } grant)
        {
            Kernel.Log.Report(AdapterRules.FreeOnceAndMatching,
                "FreeAdapterObject once, for an adapter object AllocateAdapterChannelEx allocated with DMA_SYNCHRONOUS_CALLBACK and no ExecutionRoutine",
                $"FreeAdapterObject({this}, {AllocationAction}) while no such adapter object is held (freed already, or the channel was allocated with an AdapterControl routine); ignored",
                AllocateAdapterChannelExContract.Page);
            return;
        }

        if (AllocationAction == IoAllocationAction.DeallocateObjectKeepRegisters)
        {
            grant.State = MapRegisterGrantState.Kept;
        }
        else
        {
            CheckFlushed(grant, page: null, $"FreeAdapterObject({AllocationAction})");
            grant.Free("FreeAdapterObject");
        }

        ReleaseChannel();
    }

    /// <summary>
    /// NDMA4022 (nc-wdm-pallocate_adapter_channel_ex.md: "the driver must call FreeAdapterObject after it finishes using
    /// the allocated resources"): the adapter object of a routine-less synchronous AllocateAdapterChannelEx is still
    /// held <paramref name="when"/> (PutDmaAdapter, or the end of IRP_MN_STOP_DEVICE / IRP_MN_REMOVE_DEVICE), when
    /// the driver has finished with it. Reported once per adapter object.
    /// </summary>
    /// <returns>True when such an adapter object is held.</returns>
    internal bool CheckAdapterObjectFreed(string when)
    {
        if (!_routineLessAllocations)
        {
            return false;
        }

        Kernel.Log.Checked(AdapterRules.FreeAdapterObjectWhenDone);
        if (_owner?.Grant is not { State: MapRegisterGrantState.WithAdapterObject } grant)
        {
            return false;
        }

        if (!grant.ReportedNotFreed)
        {
            grant.ReportedNotFreed = true;
            Kernel.Log.Report(AdapterRules.FreeAdapterObjectWhenDone,
                "FreeAdapterObject once the driver has finished with the resources of AllocateAdapterChannelEx(DMA_SYNCHRONOUS_CALLBACK, no ExecutionRoutine)",
                $"{when} with the adapter object of {this} (adapter channel and {grant}) still allocated for {_owner.Device}; FreeAdapterObject was never called",
                AdapterRules.FreeAdapterObjectWhenDone.Page);
        }

        return true;
    }

    /// <summary>
    /// FreeAdapterChannel (nc-wdm-pfree_adapter_channel.md): only after an AdapterControl that returned KeepObject
    /// (else NDMA4005, ignored); a mapped transfer not flushed is NDMA4004. Releases the channel and its map
    /// registers, then grants the next waiting request.
    /// </summary>
    private void FreeAdapterChannel(DmaAdapter DmaAdapter)
    {
        if (!Enter(FreeAdapterChannelContract, DmaAdapter, string.Empty))
        {
            return;
        }

        Kernel.Log.Checked(AdapterRules.FreeOnceAndMatching);
        if (_owner?.Grant is not { State: MapRegisterGrantState.WithChannel } grant)
        {
            Report(AdapterRules.FreeOnceAndMatching, FreeAdapterChannelContract,
                "FreeAdapterChannel once, after an AdapterControl that returned KeepObject",
                _owner is null
                    ? $"FreeAdapterChannel({this}) while no adapter channel is held (freed already, or AdapterControl returned DeallocateObject/DeallocateObjectKeepRegisters); ignored"
                    : $"FreeAdapterChannel({this}) inside AdapterControl, before it returned KeepObject; ignored");
            return;
        }

        CheckFlushed(grant, FreeAdapterChannelContract.Page, "FreeAdapterChannel");
        grant.Free("FreeAdapterChannel");
        ReleaseChannel();
    }

    /// <summary>
    /// FreeMapRegisters (nc-wdm-pfree_map_registers.md): only for registers kept by DeallocateObjectKeepRegisters,
    /// once, with the allocated count (NDMA4005; an unknown, freed or not-kept base is ignored, a wrong count still
    /// frees); a mapped transfer not flushed is NDMA4004.
    /// </summary>
    private void FreeMapRegisters(DmaAdapter DmaAdapter, MapRegisterBase MapRegisterBase, uint NumberOfMapRegisters)
    {
        if (!Enter(FreeMapRegistersContract, DmaAdapter, $", {MapRegisterBase}, NumberOfMapRegisters = {NumberOfMapRegisters}"))
        {
            return;
        }

        const string Expected = "FreeMapRegisters once, with the count AllocateAdapterChannel requested, for map registers AdapterControl kept with DeallocateObjectKeepRegisters";
        Kernel.Log.Checked(AdapterRules.FreeOnceAndMatching);
        if (!_grants.TryGetValue(MapRegisterBase.Value, out var grant))
        {
            Report(AdapterRules.FreeOnceAndMatching, FreeMapRegistersContract, Expected,
                $"FreeMapRegisters({MapRegisterBase}), a base {this} never granted; ignored");
            return;
        }

        if (grant.State != MapRegisterGrantState.Kept)
        {
            Report(AdapterRules.FreeOnceAndMatching, FreeMapRegistersContract, Expected, grant.State switch
            {
                MapRegisterGrantState.Freed => $"FreeMapRegisters of {grant}, which were already freed by {grant.FreedBy}; ignored",
                MapRegisterGrantState.InAdapterControl => $"FreeMapRegisters of {grant} inside AdapterControl, before it returned DeallocateObjectKeepRegisters; ignored",
                MapRegisterGrantState.WithAdapterObject => $"FreeMapRegisters of {grant}, held with the adapter object of a routine-less AllocateAdapterChannelEx (release them with FreeAdapterObject); ignored",
                _ => $"FreeMapRegisters of {grant}, held with the adapter channel because AdapterControl returned KeepObject (release them with FreeAdapterChannel); ignored",
            });
            return;
        }

        if (NumberOfMapRegisters != grant.Count)
        {
            Report(AdapterRules.FreeOnceAndMatching, FreeMapRegistersContract, Expected,
                $"FreeMapRegisters({grant.Base}, NumberOfMapRegisters = {NumberOfMapRegisters}) for {grant.Count} map registers; they were freed");
        }

        CheckFlushed(grant, FreeMapRegistersContract.Page, "FreeMapRegisters");
        grant.Free("FreeMapRegisters");
    }

    private NtStatus RequestChannel(DdiContract contract, DeviceObject device, uint numberOfMapRegisters, DriverControl? routine,
        object? context, bool synchronous, object? dmaTransferContext = null)
    {
        Kernel.Log.Checked(AdapterRules.NotFromAdapterControl);
        if (_adapterControlDepth > 0)
        {
            Kernel.Log.Report(AdapterRules.NotFromAdapterControl, $"{contract.Role} never called from inside AdapterControl",
                $"{contract.Role}({this}, {device}) called inside {AdapterControlRoutineName} ({Kernel.DescribeContext()}); refused with STATUS_INSUFFICIENT_RESOURCES",
                AllocateAdapterChannelContract.Page);
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        Kernel.Log.Checked(AdapterRules.OneRequestPerDevice);
        if (_waiting.Any(r => ReferenceEquals(r.Device, device)))
        {
            Kernel.Log.Report(AdapterRules.OneRequestPerDevice,
                $"{contract.Role} for {device} only after the AdapterControl of its previous request has run",
                $"a second {contract.Role}({this}, {device}) while the first request still waits for the adapter channel; the second was not queued (STATUS_INSUFFICIENT_RESOURCES)",
                AllocateAdapterChannelContract.Page);
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        Kernel.Log.Checked(AdapterRules.MapRegistersWithinMax);
        if (numberOfMapRegisters > MaximumMapRegisters)
        {
            Kernel.Log.Report(AdapterRules.MapRegistersWithinMax,
                $"NumberOfMapRegisters <= {MaximumMapRegisters}, the maximum IoGetDmaAdapter returned",
                $"{contract.Role}({this}, {device}, NumberOfMapRegisters = {numberOfMapRegisters}); AdapterControl not queued (STATUS_INSUFFICIENT_RESOURCES)",
                contract.Page);
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        var request = new AdapterChannelRequest(device, numberOfMapRegisters, routine, context, device.CurrentIrp) { DmaTransferContext = dmaTransferContext };
        if (_owner is null && _waiting.Count == 0)
        {
            Grant(request);
        }
        else if (synchronous)
        {
            Kernel.Log.Trace.Record($"  {contract.Role}: the adapter channel is busy and DMA_SYNCHRONOUS_CALLBACK is set = STATUS_INSUFFICIENT_RESOURCES");
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }
        else
        {
            Kernel.Log.Trace.Record($"  {contract.Role}: the adapter channel is busy; the request of {device} waits");
            _waiting.Enqueue(request);
        }

        return NtStatus.STATUS_SUCCESS;
    }

    /// <summary>
    /// Gives <paramref name="request"/> the channel and its map registers and calls AdapterControl at DISPATCH_LEVEL on
    /// the current processor, then applies the IO_ALLOCATION_ACTION it returned. If AdapterControl throws, the
    /// channel and registers are released (no waiting request is granted) and the exception propagates.
    /// </summary>
    private void Grant(AdapterChannelRequest request)
    {
        var grant = new MapRegisterGrant(new MapRegisterBase(((ulong)Number << 32) | ++_grantCount), request.NumberOfMapRegisters, request.Device)
        {
            DmaTransferContext = request.DmaTransferContext,
        };
        _grants.Add(grant.Base.Value, grant);
        request.Grant = grant;
        _owner = request;
        if (request.Routine is not { } routine)
        {
            // AllocateAdapterChannelEx with DMA_SYNCHRONOUS_CALLBACK and no ExecutionRoutine: "the driver can use the
            // allocated resources after AllocateAdapterChannelEx returns" and frees them with FreeAdapterObject.
            grant.State = MapRegisterGrantState.WithAdapterObject;
            _routineLessAllocations = true;
            Kernel.Log.Trace.Record($"  AllocateAdapterChannelEx: {grant} and the adapter channel allocated for {request.Device}, without AdapterControl");
            return;
        }

        IoAllocationAction action;
        var completedBefore = Kernel.CompletedIrps.Count;
        _adapterControlDepth++;
        try
        {
            action = Kernel.InvokeDriver(Kernel.CurrentProcessor, Irql.DISPATCH_LEVEL, AdapterControlRoutineName, AdapterControlPage,
                () => routine(request.Device, request.Irp, grant.Base, request.Context));
        }
        catch
        {
            grant.Free("the kernel, after AdapterControl threw");
            _owner = null;
            throw;
        }
        finally
        {
            _adapterControlDepth--;
        }

        Kernel.Log.Trace.Record($"cpu{Kernel.CurrentProcessor} {Irql.DISPATCH_LEVEL.ToDdiName()} <- {AdapterControlRoutineName} = {action}");
        CheckActionMatchesWork(grant, action, Kernel.CompletedIrps.Skip(completedBefore).ToList());
        ApplyAllocationAction(grant, action);
    }

    /// <summary>
    /// NDMA4012 (ne-wdm-_io_allocation_action.md): an AdapterControl that completed an IRP "should return
    /// DeallocateObject"; otherwise a system-DMA (not bus-master) driver's returns KeepObject (nc-wdm-driver_control.md:
    /// "drivers that use system DMA return KeepObject"). The page's other DeallocateObject case, an operation that
    /// could overlap another device object's, is not observable and not checked.
    /// </summary>
    private void CheckActionMatchesWork(MapRegisterGrant grant, IoAllocationAction action, IReadOnlyList<Irp> completed)
    {
        if (!Enum.IsDefined(action))
        {
            return;
        }

        Kernel.Log.Checked(AdapterRules.AllocationActionMatchesWork);
        if (completed.Count > 0 && action != IoAllocationAction.DeallocateObject)
        {
            Kernel.Log.Report(AdapterRules.AllocationActionMatchesWork, "an AdapterControl that completes an IRP returns DeallocateObject",
                $"AdapterControl for {grant.Device} completed {completed.Count} IRP(s) with IoCompleteRequest and returned {action}",
                AdapterRules.AllocationActionMatchesWork.Page);
        }
        else if (completed.Count == 0 && !IsBusMaster && action != IoAllocationAction.KeepObject)
        {
            Kernel.Log.Report(AdapterRules.AllocationActionMatchesWork,
                "AdapterControl of a system-DMA adapter (DEVICE_DESCRIPTION.Master = FALSE) returns KeepObject unless it completed an IRP",
                $"AdapterControl for {grant.Device} on system-DMA {this} returned {action} without completing an IRP",
                AdapterRules.AllocationActionMatchesWork.Page);
        }
    }

    private void ApplyAllocationAction(MapRegisterGrant grant, IoAllocationAction action)
    {
        Kernel.Log.Checked(AdapterRules.BusMasterAllocationAction);
        if (!Enum.IsDefined(action) || (action == IoAllocationAction.KeepObject && IsBusMaster))
        {
            Kernel.Log.Report(AdapterRules.BusMasterAllocationAction,
                IsBusMaster ? "AdapterControl of a bus-master adapter returns DeallocateObject or DeallocateObjectKeepRegisters" : "AdapterControl returns an IO_ALLOCATION_ACTION value",
                Enum.IsDefined(action)
                    ? $"AdapterControl for {grant.Device} on bus-master {this} returned KeepObject; the channel stays held until FreeAdapterChannel"
                    : $"AdapterControl for {grant.Device} returned {(int)action}, not an IO_ALLOCATION_ACTION; treated as DeallocateObject",
                AdapterControlPage);
        }

        switch (action)
        {
            case IoAllocationAction.KeepObject:
                grant.State = MapRegisterGrantState.WithChannel;
                break;
            case IoAllocationAction.DeallocateObjectKeepRegisters:
                grant.State = MapRegisterGrantState.Kept;
                ReleaseChannel();
                break;
            default:
                CheckFlushed(grant, page: null, "AdapterControl returning DeallocateObject");
                grant.Free("the I/O manager, because AdapterControl returned DeallocateObject");
                ReleaseChannel();
                break;
        }
    }

    private void ReleaseChannel()
    {
        _owner = null;
        if (_waiting.TryDequeue(out var next))
        {
            Grant(next);
        }
    }

    private void CheckFlushed(MapRegisterGrant grant, string? page, string freeing)
    {
        Kernel.Log.Checked(AdapterRules.FlushBeforeFree);
        if (grant.Mapped.Count == 0)
        {
            return;
        }

        Kernel.Log.Report(AdapterRules.FlushBeforeFree,
            $"FlushAdapterBuffers for every mapped transfer before {freeing} releases the map registers",
            $"{freeing} released {grant} with {string.Join(", ", grant.Mapped)} mapped and not flushed",
            page);
        grant.Mapped.Clear();
    }
}
