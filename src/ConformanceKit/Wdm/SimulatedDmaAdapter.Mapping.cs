using NetDma.ConformanceKit.Catalog;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Wdm;

/// <summary>Mapping transfers: MapTransfer, FlushAdapterBuffers, GetScatterGatherList, PutScatterGatherList.</summary>
public sealed partial class SimulatedDmaAdapter
{
    /// <summary>The routine name AdapterListControl runs under in traces and reports.</summary>
    public const string AdapterListControlRoutineName = "AdapterListControl (DRIVER_LIST_CONTROL)";

    private static readonly DdiContract MapTransferContract = DdiContract.For<PMapTransfer>();
    private static readonly DdiContract FlushAdapterBuffersContract = DdiContract.For<PFlushAdapterBuffers>();
    private static readonly DdiContract GetScatterGatherListContract = DdiContract.For<PGetScatterGatherList>();
    private static readonly DdiContract PutScatterGatherListContract = DdiContract.For<PPutScatterGatherList>();

    private readonly List<ScatterGatherList> _scatterGatherLists = [];
    private readonly Dictionary<ScatterGatherList, Mdl> _scatterGatherMdls = new(ReferenceEqualityComparer.Instance);

    // The last MapTransfer of each MDL that FlushAdapterBuffers flushed, until the IRP that owns the MDL is completed:
    // the next piece of a split transfer starts past it (nc-wdm-pmap_transfer.md, NDMA4026).
    private readonly Dictionary<Mdl, MappedTransfer> _flushedPieces = new(ReferenceEqualityComparer.Instance);

    /// <summary>Forgets the flushed pieces of <paramref name="mdl"/>: its IRP was completed, so its transfer is over.</summary>
    internal void ForgetPiecesOf(Mdl mdl) => _flushedPieces.Remove(mdl);

    /// <summary>
    /// What of <paramref name="mdl"/> is still mapped on this adapter: MapTransfer ranges not flushed with
    /// FlushAdapterBuffers and scatter/gather lists not put with PutScatterGatherList (checked when the IRP that owns
    /// the MDL is completed, rule NDMA4011).
    /// </summary>
    internal IEnumerable<string> UnflushedMappingsOf(Mdl mdl) =>
        _grants.Values.SelectMany(g => g.Mapped).Where(m => ReferenceEquals(m.Mdl, mdl)).Select(m => $"{m} mapped by MapTransfer on {this}, not flushed with FlushAdapterBuffers")
            .Concat(_scatterGatherMdls.Where(e => ReferenceEquals(e.Value, mdl))
                .Select(e => $"scatter/gather list at {e.Key.Elements.FirstOrDefault().Address} of {this}, not put with PutScatterGatherList"));

    /// <summary>
    /// MapTransfer (nc-wdm-pmap_transfer.md): returns the logical address (<see cref="ToLogical"/>) of <paramref name="CurrentVa"/>
    /// and maps <paramref name="Length"/> bytes. NDMA4006 when the base is not held (nothing mapped, Length 0, NULL
    /// returned), when the range is empty or leaves the MDL (clipped to the MDL), or when the unflushed mappings would
    /// span more pages (ADDRESS_AND_SIZE_TO_SPAN_PAGES) than the map registers granted (clipped to what they cover).
    /// </summary>
    private PhysicalAddress MapTransfer(DmaAdapter DmaAdapter, Mdl Mdl, MapRegisterBase MapRegisterBase, VirtualAddress CurrentVa,
        ref uint Length, bool WriteToDevice)
    {
        if (!Enter(MapTransferContract, DmaAdapter, $", {MapRegisterBase}, CurrentVa = {CurrentVa}, Length = {Length}, {(WriteToDevice ? "to device" : "from device")}"))
        {
            Length = 0;
            return PhysicalAddress.Null;
        }

        const string Expected = "MapTransfer with a MapRegisterBase the driver holds, a non-empty range inside the MDL, within the map registers granted";
        Kernel.Log.Checked(AdapterRules.MapWithinHeldRegisters);
        if (!_grants.TryGetValue(MapRegisterBase.Value, out var grant) || grant.State == MapRegisterGrantState.Freed)
        {
            ReportMapping(Expected, grant is null
                ? $"MapTransfer with {MapRegisterBase}, which {this} never granted; nothing mapped"
                : $"MapTransfer with {grant}, which were freed by {grant.FreedBy}; nothing mapped");
            Length = 0;
            return PhysicalAddress.Null;
        }

        var mdlEnd = Mdl.StartVa.Value + Mdl.ByteCount;
        if (Length == 0 || CurrentVa.Value < Mdl.StartVa.Value || CurrentVa.Value >= mdlEnd)
        {
            ReportMapping(Expected,
                $"MapTransfer of {Length} bytes at {CurrentVa}, {(Length == 0 ? "an empty range" : "outside")} the MDL [{Mdl.StartVa}, {Mdl.ByteCount} bytes]; nothing mapped");
            Length = 0;
            return PhysicalAddress.Null;
        }

        var offset = CurrentVa.Value - Mdl.StartVa.Value;
        if (Length > mdlEnd - CurrentVa.Value)
        {
            var fits = (uint)(mdlEnd - CurrentVa.Value);
            ReportMapping(Expected,
                $"MapTransfer of {Length} bytes at {CurrentVa} runs {Length - fits} bytes past the end of the MDL [{Mdl.StartVa}, {Mdl.ByteCount} bytes]; {fits} bytes mapped");
            Length = fits;
        }

        var free = grant.Count - Math.Min(grant.Count, grant.PagesInUse);
        var pages = SpanPages(CurrentVa, Length);
        if (pages > free)
        {
            var covered = free == 0 ? 0 : (uint)Math.Min(Length, ((ulong)free * PageSize) - (CurrentVa.Value % PageSize));
            ReportMapping(Expected,
                $"MapTransfer of {Length} bytes at {CurrentVa} spans {pages} pages, but {grant} has {free} free ({grant.PagesInUse} in use by unflushed transfers); {covered} bytes mapped");
            Length = covered;
            if (covered == 0)
            {
                return PhysicalAddress.Null;
            }

            pages = SpanPages(CurrentVa, Length);
        }

        CheckAligned("MapTransfer", Mdl, CurrentVa, Length);
        CheckAdvanced(Mdl, CurrentVa, Length);
        CheckLocked("MapTransfer", Mdl, CurrentVa, Length);
        var length = Length;
        Kernel.Log.Checked(AdapterRules.NoDoubleMapping);
        if (_grants.Values.SelectMany(g => g.Mapped).FirstOrDefault(m => m.Overlaps(CurrentVa, length)) is { } already)
        {
            // dma-verification.md: "Attempting to map an address range that has already been mapped." The range is
            // mapped again (the registers are not shared), so the earlier mapping still needs its own flush.
            Kernel.Log.Report(AdapterRules.NoDoubleMapping, "MapTransfer of a range no unflushed MapTransfer of this adapter covers",
                $"MapTransfer of {Length} bytes at {CurrentVa} overlaps {already}, mapped and not yet flushed",
                AdapterRules.NoDoubleMapping.Page);
        }

        grant.Mapped.Add(new MappedTransfer(Mdl, CurrentVa, Length, WriteToDevice, pages));
        return ToLogical(Mdl.PhysicalBase.Offset(offset));
    }

    /// <summary>
    /// FlushAdapterBuffers (nc-wdm-pflush_adapter_buffers.md): flushes the transfers mapped through
    /// <paramref name="MapRegisterBase"/> that start in [<paramref name="CurrentVa"/>, +<paramref name="Length"/>)
    /// and returns TRUE. NDMA4009 when the base is not held (FALSE, nothing flushed), when no transfer mapped through
    /// it starts at <paramref name="CurrentVa"/> (the initial CurrentVa MapTransfer was given), or when the one that
    /// does was mapped from another <paramref name="Mdl"/> or for another <paramref name="Length"/> (more bytes than
    /// mapped is "flushing too many bytes", dma-verification.md).
    /// </summary>
    private bool FlushAdapterBuffers(DmaAdapter DmaAdapter, Mdl Mdl, MapRegisterBase MapRegisterBase, VirtualAddress CurrentVa,
        uint Length, bool WriteToDevice)
    {
        if (!Enter(FlushAdapterBuffersContract, DmaAdapter, $", {MapRegisterBase}, CurrentVa = {CurrentVa}, Length = {Length}, {(WriteToDevice ? "to device" : "from device")}"))
        {
            return false;
        }

        const string Expected = "FlushAdapterBuffers with a MapRegisterBase the driver holds and the Mdl, initial CurrentVa and Length of a transfer MapTransfer mapped through it";
        Kernel.Log.Checked(AdapterRules.FlushMatchesMapping);
        if (!_grants.TryGetValue(MapRegisterBase.Value, out var grant) || grant.State == MapRegisterGrantState.Freed)
        {
            ReportFlush(Expected, grant is null
                ? $"FlushAdapterBuffers with {MapRegisterBase}, map registers {this} never granted, so never mapped; returned FALSE"
                : $"FlushAdapterBuffers with {grant}, which were freed by {grant.FreedBy}; returned FALSE");
            return false;
        }

        var mapped = grant.Mapped.FirstOrDefault(m => m.CurrentVa == CurrentVa);
        if (mapped is null)
        {
            ReportFlush(Expected, grant.Mapped.Count == 0
                ? $"FlushAdapterBuffers of {Length} bytes at {CurrentVa} through {grant}, on which nothing is mapped"
                : $"FlushAdapterBuffers of {Length} bytes at {CurrentVa} through {grant}, where no mapped transfer starts at that CurrentVa (mapped: {string.Join(", ", grant.Mapped)})");
        }
        else if (!ReferenceEquals(mapped.Mdl, Mdl))
        {
            ReportFlush(Expected,
                $"FlushAdapterBuffers of {mapped} with the MDL [{Mdl.StartVa}, {Mdl.ByteCount} bytes], not the MDL [{mapped.Mdl.StartVa}, {mapped.Mdl.ByteCount} bytes] MapTransfer was given");
        }
        else if (Length != mapped.Length)
        {
            ReportFlush(Expected, Length > mapped.Length
                ? $"FlushAdapterBuffers of {Length} bytes at {CurrentVa}, {Length - mapped.Length} more than the {mapped.Length} MapTransfer mapped through {grant}"
                : $"FlushAdapterBuffers of {Length} bytes at {CurrentVa}, but MapTransfer mapped {mapped.Length} bytes there through {grant} (Length not updated for this DMA operation)");
        }

        var end = CurrentVa.Value + Math.Max(Length, 1u);
        foreach (var flushed in grant.Mapped.Where(m => m.CurrentVa.Value >= CurrentVa.Value && m.CurrentVa.Value < end))
        {
            _flushedPieces[flushed.Mdl] = flushed;
        }

        grant.Mapped.RemoveAll(m => m.CurrentVa.Value >= CurrentVa.Value && m.CurrentVa.Value < end);
        return true;
    }

    /// <summary>
    /// GetScatterGatherList (nc-wdm-pget_scatter_gather_list.md): builds one element per physically contiguous piece
    /// (the simulation's MDLs are contiguous: one element) and calls <paramref name="ExecutionRoutine"/> at
    /// DISPATCH_LEVEL on the current processor. A range that is empty or leaves the MDL is NDMA4006 and returns
    /// STATUS_BUFFER_TOO_SMALL; more pages than the IoGetDmaAdapter maximum returns STATUS_INSUFFICIENT_RESOURCES, as
    /// the page documents. Not subject to AllocateAdapterChannel's queueing rules.
    /// </summary>
    private NtStatus GetScatterGatherList(DmaAdapter DmaAdapter, DeviceObject DeviceObject, Mdl Mdl, VirtualAddress CurrentVa,
        uint Length, DriverListControl ExecutionRoutine, object? Context, bool WriteToDevice)
    {
        if (!Enter(GetScatterGatherListContract, DmaAdapter, $", {DeviceObject}, CurrentVa = {CurrentVa}, Length = {Length}, {(WriteToDevice ? "to device" : "from device")}"))
        {
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        var mdlEnd = Mdl.StartVa.Value + Mdl.ByteCount;
        Kernel.Log.Checked(AdapterRules.MapWithinHeldRegisters);
        if (Length == 0 || CurrentVa.Value < Mdl.StartVa.Value || CurrentVa.Value >= mdlEnd || Length > mdlEnd - CurrentVa.Value)
        {
            Kernel.Log.Report(AdapterRules.MapWithinHeldRegisters, "GetScatterGatherList of a non-empty range inside the MDL",
                $"GetScatterGatherList of {Length} bytes at {CurrentVa} for the MDL [{Mdl.StartVa}, {Mdl.ByteCount} bytes]; returned STATUS_BUFFER_TOO_SMALL",
                GetScatterGatherListContract.Page);
            return NtStatus.STATUS_BUFFER_TOO_SMALL;
        }

        var pages = SpanPages(CurrentVa, Length);
        if (pages > MaximumMapRegisters)
        {
            Kernel.Log.Trace.Record($"  GetScatterGatherList: {pages} map registers needed, {MaximumMapRegisters} available = STATUS_INSUFFICIENT_RESOURCES");
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }

        CheckAligned("GetScatterGatherList", Mdl, CurrentVa, Length);
        CheckLocked("GetScatterGatherList", Mdl, CurrentVa, Length);
        var list = new ScatterGatherList([new ScatterGatherElement(ToLogical(Mdl.PhysicalBase.Offset(CurrentVa.Value - Mdl.StartVa.Value)), Length)]);
        _scatterGatherLists.Add(list);
        _scatterGatherMdls.Add(list, Mdl);
        Kernel.InvokeDriver(Kernel.CurrentProcessor, Irql.DISPATCH_LEVEL, AdapterListControlRoutineName, GetScatterGatherListContract.Page,
            () => ExecutionRoutine(DeviceObject, DeviceObject.CurrentIrp, list, Context));
        return NtStatus.STATUS_SUCCESS;
    }

    /// <summary>
    /// PutScatterGatherList (nc-wdm-pput_scatter_gather_list.md): releases a list GetScatterGatherList of this adapter
    /// built; any other list, or one already put, is NDMA4005 and ignored.
    /// </summary>
    private void PutScatterGatherList(DmaAdapter DmaAdapter, ScatterGatherList ScatterGather, bool WriteToDevice)
    {
        if (!Enter(PutScatterGatherListContract, DmaAdapter, $", {ScatterGather.NumberOfElements} elements, {(WriteToDevice ? "to device" : "from device")}"))
        {
            return;
        }

        var index = _scatterGatherLists.FindIndex(l => ReferenceEquals(l, ScatterGather));
        Kernel.Log.Checked(AdapterRules.FreeOnceAndMatching);
        if (index >= 0)
        {
            _scatterGatherLists.RemoveAt(index);
            _scatterGatherMdls.Remove(ScatterGather);
        }
        else
        {
            Kernel.Log.Report(AdapterRules.FreeOnceAndMatching,
                "PutScatterGatherList once, of a list GetScatterGatherList of this adapter built",
                $"PutScatterGatherList({this}) of a list at {ScatterGather.Elements.FirstOrDefault().Address} that is not outstanding (already put, or not built by {this}); ignored",
                PutScatterGatherListContract.Page);
        }
    }

    private void ReportFlush(string expected, string actual) =>
        Kernel.Log.Report(AdapterRules.FlushMatchesMapping, expected, actual, FlushAdapterBuffersContract.Page);

    /// <summary>NDMA4020 when [<paramref name="va"/>, +<paramref name="length"/>) lies in paged pool, which is pageable, not locked.</summary>
    private void CheckLocked(string routine, Mdl mdl, VirtualAddress va, ulong length)
    {
        Kernel.Log.Checked(AdapterRules.DmaOnLockedBuffers);
        if (Kernel.FindPagedPoolBlock(va, length) is { } block)
        {
            Kernel.Log.Report(AdapterRules.DmaOnLockedBuffers, $"{routine} of locked (non-pageable) memory only",
                $"{routine} of {length} bytes at {va} (MDL [{mdl.StartVa}, {mdl.ByteCount} bytes]) in {block}, which is pageable",
                AdapterRules.DmaOnLockedBuffers.Page);
        }
    }

    /// <summary>
    /// NDMA4024 (nc-wdm-pget_dma_alignment.md: "The starting address and length of DMA buffers must be a multiple of
    /// this value"): <paramref name="currentVa"/> and <paramref name="length"/> are multiples of GetDmaAlignment's
    /// value. Judged only when the MDL's own StartVa and ByteCount are: a misaligned IRP buffer is its requester's,
    /// which the device object's AlignmentRequirement (NDMA4025) is there to prevent; a misaligned piece of an aligned
    /// buffer is the driver's.
    /// </summary>
    private void CheckAligned(string routine, Mdl mdl, VirtualAddress currentVa, uint length)
    {
        var alignment = Kernel.DmaAlignment;
        if (alignment == 1 || mdl.StartVa.Value % alignment != 0 || mdl.ByteCount % alignment != 0)
        {
            return;
        }

        Kernel.Log.Checked(AdapterRules.DmaBufferAlignment);
        if (currentVa.Value % alignment != 0 || length % alignment != 0)
        {
            Kernel.Log.Report(AdapterRules.DmaBufferAlignment,
                $"{routine} with CurrentVa and Length multiples of GetDmaAlignment() = {alignment} bytes",
                $"{routine} of {length} bytes at {currentVa} (offset {currentVa.Value - mdl.StartVa.Value} in the MDL [{mdl.StartVa}, {mdl.ByteCount} bytes]): " +
                (currentVa.Value % alignment != 0 ? $"CurrentVa is {currentVa.Value % alignment} bytes past a {alignment}-byte boundary" : $"Length is {length % alignment} bytes more than a multiple of {alignment}"),
                AdapterRules.DmaBufferAlignment.Page);
        }
    }

    /// <summary>
    /// NDMA4026 (nc-wdm-pmap_transfer.md: a driver that splits a large transfer into more than one DMA operation "must
    /// update" CurrentVa and Length): a MapTransfer of an MDL whose previous piece was flushed starts at or past that
    /// piece's end, not inside bytes already transferred.
    /// </summary>
    private void CheckAdvanced(Mdl mdl, VirtualAddress currentVa, uint length)
    {
        if (!_flushedPieces.TryGetValue(mdl, out var previous))
        {
            return;
        }

        Kernel.Log.Checked(AdapterRules.SplitTransferAdvances);
        var previousEnd = previous.CurrentVa.Value + previous.Length;
        if (currentVa.Value < previousEnd && currentVa.Value + length > previous.CurrentVa.Value)
        {
            Kernel.Log.Report(AdapterRules.SplitTransferAdvances,
                $"the next piece of a split transfer mapped from CurrentVa = {previous.CurrentVa.Offset(previous.Length)} (the previous piece's CurrentVa + Length) on",
                $"MapTransfer of {length} bytes at {currentVa} of the MDL [{mdl.StartVa}, {mdl.ByteCount} bytes] re-maps bytes of the piece mapped and flushed before ({previous}); CurrentVa was not advanced",
                AdapterRules.SplitTransferAdvances.Page);
        }
    }

    private void ReportMapping(string expected, string actual) =>
        Kernel.Log.Report(AdapterRules.MapWithinHeldRegisters, expected, actual, MapTransferContract.Page);
}
