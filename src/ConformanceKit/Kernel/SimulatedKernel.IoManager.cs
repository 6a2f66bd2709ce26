using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>
/// The I/O manager's side for WDM drivers: the device queue behind StartIo (IoStartPacket, IoStartNextPacket) and
/// IRP completion (IoCompleteRequest).
/// </summary>
public sealed partial class SimulatedKernel
{
    /// <summary>The routine name StartIo runs under in traces and reports.</summary>
    public const string StartIoRoutineName = "StartIo (DRIVER_STARTIO)";

    /// <summary>The routine name AddDevice runs under in traces and reports.</summary>
    public const string AddDeviceRoutineName = "AddDevice";

    /// <summary>The routine name the IRP_MN_START_DEVICE handler runs under in traces and reports.</summary>
    public const string StartDeviceRoutineName = "StartDevice (IRP_MN_START_DEVICE)";

    private const string StartIoPage = "nc-wdm-driver_startio.md";

    private readonly Dictionary<DeviceObject, (Queue<Irp> Pending, Action<DeviceObject, Irp> StartIo)> _deviceQueues =
        new(ReferenceEqualityComparer.Instance);

    private readonly List<Irp> _completedIrps = [];
    private readonly HashSet<Irp> _completedSet = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Irp> _irpsOwedError = new(ReferenceEqualityComparer.Instance);

    /// <summary>IRPs completed with IoCompleteRequest, in completion order (each once).</summary>
    public IReadOnlyList<Irp> CompletedIrps => _completedIrps;

    /// <summary>IRPs queued behind the device's current IRP.</summary>
    public int QueuedIrpCount(DeviceObject fdo) => _deviceQueues.TryGetValue(fdo, out var queue) ? queue.Pending.Count : 0;

    /// <summary>
    /// IoStartPacket: when <paramref name="fdo"/> has no current IRP, make <paramref name="irp"/> its CurrentIrp and
    /// call <paramref name="startIo"/> at DISPATCH_LEVEL on processor 0 (routine <see cref="StartIoRoutineName"/>,
    /// nc-wdm-driver_startio.md); otherwise queue the IRP until IoStartNextPacket. An exception from StartIo propagates.
    /// </summary>
    /// <param name="fdo">The device object the IRP is sent to.</param>
    /// <param name="irp">The request.</param>
    /// <param name="startIo">The driver's StartIo routine (DRIVER_STARTIO).</param>
    public void StartPacket(DeviceObject fdo, Irp irp, Action<DeviceObject, Irp> startIo)
    {
        ArgumentNullException.ThrowIfNull(fdo);
        ArgumentNullException.ThrowIfNull(irp);
        ArgumentNullException.ThrowIfNull(startIo);
        var queue = _deviceQueues.TryGetValue(fdo, out var existing) ? existing.Pending : new Queue<Irp>();
        _deviceQueues[fdo] = (queue, startIo);
        Log.Trace.Record($"I/O manager -> IoStartPacket({fdo}, {DescribeIrp(irp)})");
        if (fdo.CurrentIrp is null)
        {
            StartIrp(0, fdo, irp, startIo);
        }
        else
        {
            queue.Enqueue(irp);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Calls StartIo with the next queued IRP at DISPATCH_LEVEL on the calling processor (nested inside the caller,
    /// as the I/O manager does), or clears <see cref="DeviceObject.CurrentIrp"/> when none is queued.
    /// </remarks>
    public void IoStartNextPacket(DeviceObject DeviceObject)
    {
        ArgumentNullException.ThrowIfNull(DeviceObject);
        if (!Enter(nameof(IoStartNextPacket), $"{DeviceObject}"))
        {
            return;
        }

        if (_deviceQueues.TryGetValue(DeviceObject, out var queue) && queue.Pending.TryDequeue(out var next))
        {
            StartIrp(CurrentProcessor, DeviceObject, next, queue.StartIo);
        }
        else
        {
            DeviceObject.CurrentIrp = null;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Records <paramref name="Status"/> and <paramref name="Information"/> on the IRP and appends it to
    /// <see cref="CompletedIrps"/>. A second completion of the same IRP is reported under the kit rule NDMA4028
    /// (IrpCompletedOnce; the corpus has no IoCompleteRequest page) and otherwise ignored: the IRP keeps the status of
    /// its first completion.
    /// </remarks>
    public void IoCompleteRequest(Irp Irp, NtStatus Status, ulong Information)
    {
        ArgumentNullException.ThrowIfNull(Irp);
        if (!Enter(nameof(IoCompleteRequest), $"{DescribeIrp(Irp)}, {NtStatusFacts.Name(Status)}, {Information} bytes"))
        {
            return;
        }

        Log.Checked(AdapterRules.IrpCompletedOnce);
        if (!_completedSet.Add(Irp))
        {
            // Once completed, the IRP belongs to its requester again (who may already have freed or reused it).
            Log.Report(AdapterRules.IrpCompletedOnce, "IoCompleteRequest of an IRP not yet completed",
                $"IoCompleteRequest({DescribeIrp(Irp)}, {NtStatusFacts.Name(Status)}) of an IRP already completed" +
                (Irp.CompletionStatus is { } first ? $" with {NtStatusFacts.Name(first)}" : string.Empty) + "; the second completion was ignored");
            return;
        }

        var unflushed = _adapters.SelectMany(a => a.UnflushedMappingsOf(Irp.MdlAddress)).ToList();
        if (_adapters.Count > 0)
        {
            Log.Checked(AdapterRules.FlushBeforeCompletingIrp);
        }

        if (unflushed.Count > 0)
        {
            // nc-wdm-pflush_adapter_buffers.md: "must call FlushAdapterBuffers before completing the IRP that requested
            // the DMA transfer"; nc-wdm-pget_scatter_gather_list.md: PutScatterGatherList (which flushes) before the
            // data in the buffer is accessed, which completing the IRP lets its requester do.
            Log.Report(AdapterRules.FlushBeforeCompletingIrp, "every transfer of the IRP's MDL flushed before IoCompleteRequest",
                $"IoCompleteRequest({DescribeIrp(Irp)}, {NtStatusFacts.Name(Status)}) with {string.Join("; ", unflushed)}",
                AdapterRules.FlushBeforeCompletingIrp.Page);
        }

        var owedError = _irpsOwedError.Remove(Irp);
        if (owedError)
        {
            Log.Checked(AdapterRules.CompleteIrpAfterChannelFailure);
        }

        if (owedError && NtStatusFacts.NT_SUCCESS(Status))
        {
            Log.Report(AdapterRules.CompleteIrpAfterChannelFailure,
                "the IRP whose AllocateAdapterChannel returned STATUS_INSUFFICIENT_RESOURCES completed with an error status",
                $"IoCompleteRequest({DescribeIrp(Irp)}, {NtStatusFacts.Name(Status)}) after AllocateAdapterChannel failed for it and was not retried successfully",
                AdapterRules.CompleteIrpAfterChannelFailure.Page);
        }

        foreach (var adapter in _adapters)
        {
            adapter.ForgetPiecesOf(Irp.MdlAddress);
        }

        Irp.CompletionStatus = Status;
        Irp.Information = Information;
        _completedIrps.Add(Irp);
    }

    /// <summary>True when the I/O manager has started IRPs for <paramref name="fdo"/> through its StartIo routine.</summary>
    internal bool UsesStartIo(DeviceObject fdo) => _deviceQueues.ContainsKey(fdo);

    /// <summary>True when <paramref name="irp"/> was completed with IoCompleteRequest.</summary>
    internal bool IsCompleted(Irp irp) => _completedSet.Contains(irp);

    /// <summary>
    /// AllocateAdapterChannel for <paramref name="device"/> returned <paramref name="status"/>: after
    /// STATUS_INSUFFICIENT_RESOURCES its CurrentIrp is owed a completion with an error status (NDMA4014,
    /// nc-wdm-pallocate_adapter_channel.md); a later successful request for the same IRP clears the debt (a retry).
    /// </summary>
    internal void NoteAdapterChannelResult(DeviceObject device, NtStatus status)
    {
        if (device.CurrentIrp is not { } irp || _completedSet.Contains(irp))
        {
            return;
        }

        if (status == NtStatus.STATUS_INSUFFICIENT_RESOURCES)
        {
            _irpsOwedError.Add(irp);
        }
        else if (NtStatusFacts.NT_SUCCESS(status))
        {
            _irpsOwedError.Remove(irp);
        }
    }

    /// <summary>
    /// At device removal: reports every IRP whose AllocateAdapterChannel returned STATUS_INSUFFICIENT_RESOURCES and
    /// that was never completed (NDMA4014).
    /// </summary>
    /// <returns>The number of such IRPs.</returns>
    public int CheckFailedChannelIrpsCompleted()
    {
        foreach (var irp in _irpsOwedError)
        {
            Log.Checked(AdapterRules.CompleteIrpAfterChannelFailure);
            Log.Report(AdapterRules.CompleteIrpAfterChannelFailure,
                "the IRP whose AllocateAdapterChannel returned STATUS_INSUFFICIENT_RESOURCES completed with an error status",
                $"{DescribeIrp(irp)} was never completed after AllocateAdapterChannel failed for it",
                AdapterRules.CompleteIrpAfterChannelFailure.Page);
        }

        var count = _irpsOwedError.Count;
        _irpsOwedError.Clear();
        return count;
    }

    private void StartIrp(uint cpu, DeviceObject fdo, Irp irp, Action<DeviceObject, Irp> startIo)
    {
        fdo.CurrentIrp = irp;
        InvokeDriver(cpu, Irql.DISPATCH_LEVEL, StartIoRoutineName, StartIoPage, () => startIo(fdo, irp));
    }

    private static string DescribeIrp(Irp irp) =>
        $"IRP {(irp.WriteToDevice ? "write" : "read")} of {irp.MdlAddress.ByteCount} bytes at {irp.MdlAddress.StartVa}";
}
