using NetDma.ConformanceKit.Catalog;
using NetDma.ConformanceKit.Kernel;
using NetDma.ConformanceKit.Memory;
using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Wdm;

/// <summary>
/// The DMA adapter IoGetDmaAdapter returns in the simulation: a 64-bit bus-master (or system-DMA) adapter without
/// bounce buffers, whose <see cref="DmaOperations"/> routines check, at every call, the caller's IRQL (read from the
/// routine's contract delegate type) and the Driver Verifier DMA rules NDMA4001-NDMA4008 (dma-verification.md),
/// reporting violations to the kernel's log and going on.
/// </summary>
/// <remarks>
/// Modelled routines: PutDmaAdapter, AllocateCommonBuffer, FreeCommonBuffer, AllocateAdapterChannel,
/// FlushAdapterBuffers, FreeAdapterChannel, FreeMapRegisters, MapTransfer, GetDmaAlignment, ReadDmaCounter,
/// GetScatterGatherList, PutScatterGatherList, and (DEVICE_DESCRIPTION_VERSION3 only) AllocateAdapterChannelEx and
/// FreeAdapterObject.
/// The other DMA_OPERATIONS members are null. Logical addresses are physical addresses plus
/// <see cref="LogicalAddressOffset"/>, and a device reaches memory only through what the adapter maps (NDMA4023, NDMA4027).
/// </remarks>
public sealed partial class SimulatedDmaAdapter
{
    /// <summary>Bytes one map register maps (a page, 4096).</summary>
    public const uint PageSize = 4096;

    /// <summary>The most map registers the simulated platform grants one adapter (64).</summary>
    public const uint MapRegisterLimit = 64;

    private static readonly DdiContract PutDmaAdapterContract = DdiContract.For<PPutDmaAdapter>();
    private static readonly DdiContract AllocateCommonBufferContract = DdiContract.For<PAllocateCommonBuffer>();
    private static readonly DdiContract FreeCommonBufferContract = DdiContract.For<PFreeCommonBuffer>();
    private static readonly DdiContract GetDmaAlignmentContract = DdiContract.For<PGetDmaAlignment>();
    private static readonly DdiContract ReadDmaCounterContract = DdiContract.For<PReadDmaCounter>();

    private readonly Dictionary<ulong, (MemoryBuffer Buffer, bool CacheEnabled)> _commonBuffers = [];
    private int _commonBufferCount;

    internal SimulatedDmaAdapter(SimulatedKernel kernel, DeviceObject? physicalDeviceObject, DeviceDescription description, int number)
    {
        Kernel = kernel;
        PhysicalDeviceObject = physicalDeviceObject;
        Number = number;
        Version = description.Version;
        IsBusMaster = description.Master;
        MaximumMapRegisters = MaximumMapRegistersFor(description.MaximumLength);
        var version3 = description.Version >= DeviceDescription.DEVICE_DESCRIPTION_VERSION3;
        Adapter = new DmaAdapter
        {
            DmaOperations = new DmaOperations
            {
                Size = 8 + (8 * (uint)(version3 ? 39 : description.Version == DeviceDescription.DEVICE_DESCRIPTION_VERSION2 ? 15 : 12)),
                PutDmaAdapter = PutDmaAdapter,
                AllocateCommonBuffer = AllocateCommonBuffer,
                FreeCommonBuffer = FreeCommonBuffer,
                AllocateAdapterChannel = AllocateAdapterChannel,
                FlushAdapterBuffers = FlushAdapterBuffers,
                FreeAdapterChannel = FreeAdapterChannel,
                FreeMapRegisters = FreeMapRegisters,
                MapTransfer = MapTransfer,
                GetDmaAlignment = GetDmaAlignment,
                ReadDmaCounter = ReadDmaCounter,
                GetScatterGatherList = GetScatterGatherList,
                PutScatterGatherList = PutScatterGatherList,
                AllocateAdapterChannelEx = version3 ? AllocateAdapterChannelEx : null,
                FreeAdapterObject = version3 ? new PFreeAdapterObject(FreeAdapterObject) : null,
            },
        };
    }

    /// <summary>The kernel the adapter reports to.</summary>
    public SimulatedKernel Kernel { get; }

    /// <summary>The PDO IoGetDmaAdapter was called for (may be null, as the page allows).</summary>
    public DeviceObject? PhysicalDeviceObject { get; }

    /// <summary>The adapter's number in reports (<c>adapter#1</c>).</summary>
    public int Number { get; }

    /// <summary>DEVICE_DESCRIPTION.Version the adapter was made for (selects the DMA_OPERATIONS version).</summary>
    public uint Version { get; }

    /// <summary>DEVICE_DESCRIPTION.Master: a bus-master adapter, whose AdapterControl must not return KeepObject (NDMA4008).</summary>
    public bool IsBusMaster { get; }

    /// <summary>The map-register maximum IoGetDmaAdapter returned (a count): ceil(MaximumLength / 4096) + 1, at most 64.</summary>
    public uint MaximumMapRegisters { get; internal set; }

    /// <summary>The DMA_ADAPTER handed to the driver.</summary>
    public DmaAdapter Adapter { get; }

    /// <summary>True once NDMA4015 reported this subordinate-device adapter's device doing bus-master DMA.</summary>
    internal bool ReportedAsSubordinate { get; set; }

    /// <summary>True once NDMA4007 reported this adapter not put at IRP_MN_STOP_DEVICE or IRP_MN_REMOVE_DEVICE.</summary>
    internal bool ReportedNotPut { get; set; }

    /// <summary>True once PutDmaAdapter was called.</summary>
    public bool IsPut { get; private set; }

    /// <summary>
    /// The map-register maximum for a DEVICE_DESCRIPTION.MaximumLength in bytes: one register per 4096-byte page plus
    /// one for a transfer that does not start on a page boundary, capped at <see cref="MapRegisterLimit"/>.
    /// </summary>
    public static uint MaximumMapRegistersFor(uint maximumLength) =>
        (uint)Math.Min(MapRegisterLimit, ((maximumLength + (ulong)PageSize - 1) / PageSize) + 1);

    /// <summary>
    /// What the driver still holds on this adapter, one entry per resource: the adapter channel, waiting requests,
    /// map registers, common buffers and scatter/gather lists.
    /// </summary>
    /// <param name="includeAdapterObject">False to leave out the adapter object of a routine-less AllocateAdapterChannelEx (NDMA4022 reports it).</param>
    public IReadOnlyList<string> OutstandingResources(bool includeAdapterObject = true)
    {
        var outstanding = new List<string>();
        if (_owner is { Grant.State: MapRegisterGrantState.WithAdapterObject } holder)
        {
            if (includeAdapterObject)
            {
                outstanding.Add($"the adapter object (adapter channel and {holder.Grant}) AllocateAdapterChannelEx allocated for {holder.Device} without an ExecutionRoutine");
            }
        }
        else if (_owner is { } owner)
        {
            outstanding.Add($"the adapter channel, held for {owner.Device}");
        }

        outstanding.AddRange(_waiting.Select(r => $"a queued AllocateAdapterChannel request of {r.Device}"));
        outstanding.AddRange(_grants.Values
            .Where(g => g.State is MapRegisterGrantState.Kept or MapRegisterGrantState.InAdapterControl)
            .Select(g => $"map registers {g}"));
        outstanding.AddRange(_commonBuffers.Values.Select(c => $"common buffer {c.Buffer.Describe()}"));
        outstanding.AddRange(_scatterGatherLists.Select(l => $"scatter/gather list at {l.Elements.FirstOrDefault().Address}"));
        return outstanding;
    }

    /// <inheritdoc/>
    public override string ToString() => $"adapter#{Number}";

    /// <summary>
    /// PutDmaAdapter (nc-wdm-pput_dma_adapter.md): NDMA4022 when a routine-less AllocateAdapterChannelEx's adapter object
    /// was never freed, NDMA4007 when other resources are outstanding, NDMA4005 when put twice.
    /// </summary>
    private void PutDmaAdapter(DmaAdapter DmaAdapter)
    {
        if (!Enter(PutDmaAdapterContract, DmaAdapter, string.Empty, checkPut: false))
        {
            return;
        }

        Kernel.Log.Checked(AdapterRules.FreeOnceAndMatching);
        if (IsPut)
        {
            Report(AdapterRules.FreeOnceAndMatching, PutDmaAdapterContract, "PutDmaAdapter once per IoGetDmaAdapter",
                $"PutDmaAdapter({this}) called again after the adapter was put");
            return;
        }

        CheckAdapterObjectFreed($"PutDmaAdapter({this})");
        var outstanding = OutstandingResources(includeAdapterObject: false);
        if (outstanding.Count > 0)
        {
            Report(AdapterRules.ReleaseBeforePut, PutDmaAdapterContract,
                "every adapter channel, map register, common buffer and scatter/gather list released before PutDmaAdapter",
                $"PutDmaAdapter({this}) with {string.Join("; ", outstanding)} outstanding");
        }

        IsPut = true;
    }

    /// <summary>
    /// AllocateCommonBuffer (nc-wdm-pallocate_common_buffer.md): a page-aligned <see cref="MemoryKind.CommonBuffer"/>;
    /// LogicalAddress is its logical address, which differs from its CPU physical address (NDMA4023).
    /// </summary>
    private VirtualAddress AllocateCommonBuffer(DmaAdapter DmaAdapter, uint Length, out PhysicalAddress LogicalAddress, bool CacheEnabled)
    {
        LogicalAddress = PhysicalAddress.Null;
        if (!Enter(AllocateCommonBufferContract, DmaAdapter, $", Length = {Length}, CacheEnabled = {CacheEnabled}"))
        {
            return VirtualAddress.Null;
        }

        var buffer = Kernel.Memory.Allocate($"common buffer #{++_commonBufferCount} of {this}", Length, MemoryKind.CommonBuffer, PageSize);
        _commonBuffers.Add(buffer.VirtualBase.Value, (buffer, CacheEnabled));
        LogicalAddress = ToLogical(buffer.PhysicalBase);
        return buffer.VirtualBase;
    }

    /// <summary>
    /// FreeCommonBuffer (nc-wdm-pfree_common_buffer.md): a buffer this adapter did not allocate, or freed already, is
    /// NDMA4005 and ignored; arguments that differ from the allocation's are NDMA4005 and the buffer is freed.
    /// </summary>
    private void FreeCommonBuffer(DmaAdapter DmaAdapter, uint Length, PhysicalAddress LogicalAddress, VirtualAddress VirtualAddress, bool CacheEnabled)
    {
        if (!Enter(FreeCommonBufferContract, DmaAdapter, $", Length = {Length}, {LogicalAddress}, {VirtualAddress}, CacheEnabled = {CacheEnabled}"))
        {
            return;
        }

        Kernel.Log.Checked(AdapterRules.FreeOnceAndMatching);
        if (!_commonBuffers.Remove(VirtualAddress.Value, out var entry))
        {
            var freed = Kernel.Memory.Buffers.FirstOrDefault(b => b.Kind == MemoryKind.CommonBuffer && b.VirtualBase == VirtualAddress);
            Report(AdapterRules.FreeOnceAndMatching, FreeCommonBufferContract,
                "FreeCommonBuffer once, of a buffer AllocateCommonBuffer of this adapter returned",
                freed is null
                    ? $"FreeCommonBuffer({VirtualAddress}) of a buffer {this} never allocated; ignored"
                    : $"FreeCommonBuffer of {freed.Describe()}, which was already freed; ignored");
            return;
        }

        var buffer = entry.Buffer;
        if (Length != buffer.Size || LogicalAddress != ToLogical(buffer.PhysicalBase) || CacheEnabled != entry.CacheEnabled)
        {
            Report(AdapterRules.FreeOnceAndMatching, FreeCommonBufferContract,
                $"FreeCommonBuffer with the allocation's Length = {buffer.Size}, LogicalAddress = {ToLogical(buffer.PhysicalBase)}, CacheEnabled = {entry.CacheEnabled}",
                $"FreeCommonBuffer(Length = {Length}, LogicalAddress = {LogicalAddress}, CacheEnabled = {CacheEnabled}) for {buffer.Describe()}; the buffer was freed");
        }

        Kernel.Memory.Free(buffer);
    }

    /// <summary>
    /// GetDmaAlignment (nc-wdm-pget_dma_alignment.md): the platform's <see cref="SimulatedKernel.DmaAlignment"/> in
    /// bytes (1, no requirement, unless a script's <c>platform dma_alignment=</c> sets it). MapTransfer and
    /// GetScatterGatherList check buffer starts and lengths against it (NDMA4024).
    /// </summary>
    private uint GetDmaAlignment(DmaAdapter DmaAdapter)
    {
        Enter(GetDmaAlignmentContract, DmaAdapter, string.Empty);
        return Kernel.DmaAlignment;
    }

    /// <summary>
    /// ReadDmaCounter (nc-wdm-pread_dma_counter.md): 0, no system-DMA transfer is ever in progress. On a bus-master
    /// adapter (DEVICE_DESCRIPTION.Master = TRUE) it is NDMA4016: "can be called only by drivers of subordinate DMA devices".
    /// </summary>
    private uint ReadDmaCounter(DmaAdapter DmaAdapter)
    {
        if (!Enter(ReadDmaCounterContract, DmaAdapter, string.Empty))
        {
            return 0;
        }

        Kernel.Log.Checked(AdapterRules.ReadDmaCounterSubordinateOnly);
        if (IsBusMaster)
        {
            Report(AdapterRules.ReadDmaCounterSubordinateOnly, ReadDmaCounterContract,
                "ReadDmaCounter only on the adapter of a subordinate DMA device (DEVICE_DESCRIPTION.Master = FALSE)",
                $"ReadDmaCounter({this}), the adapter of a bus-master device (DEVICE_DESCRIPTION.Master = TRUE) ({Kernel.DescribeContext()})");
        }

        return 0;
    }

    /// <summary>
    /// Traces a call of routine <paramref name="contract"/>, checks the caller's IRQL against it and, unless
    /// <paramref name="checkPut"/> is false, that the adapter was not put (NDMA4007).
    /// </summary>
    /// <returns>False only in hardware context: the call is refused.</returns>
    private bool Enter(DdiContract contract, DmaAdapter adapter, string arguments, bool checkPut = true)
    {
        Kernel.Log.Trace.Record($"{Kernel.Where} driver -> {contract.Role}({this}{arguments})");
        Kernel.Log.Checked(AdapterRules.DmaAdapterArgument);
        if (adapter is null)
        {
            Kernel.Log.Report(AdapterRules.DmaAdapterArgument, $"{contract.Role} with the DMA_ADAPTER IoGetDmaAdapter returned",
                $"{contract.Role} called through the DMA_OPERATIONS of {this} with DmaAdapter = NULL ({Kernel.DescribeContext()}); {this} is used",
                AdapterRules.DmaAdapterArgument.Page);
        }
        else if (!ReferenceEquals(adapter, Adapter))
        {
            // Each routine's page: DmaAdapter is the DMA_ADAPTER "returned by IoGetDmaAdapter" that represents the device.
            Kernel.Log.Report(AdapterRules.DmaAdapterArgument, $"{contract.Role} with the DMA_ADAPTER IoGetDmaAdapter returned with these DMA_OPERATIONS ({this})",
                $"{contract.Role} called through the DMA_OPERATIONS of {this} with a DmaAdapter that is not {this} ({Kernel.DescribeContext()}); {this} is used",
                contract.Page);
        }

        if (!Kernel.CheckCallerIrql(contract.Role, contract.Irql, contract.Page) && Kernel.InHardwareContext)
        {
            return false;
        }

        Kernel.Log.Checked(AdapterRules.ReleaseBeforePut);
        if (checkPut && IsPut)
        {
            Report(AdapterRules.ReleaseBeforePut, contract, $"no {contract.Role} on an adapter after PutDmaAdapter",
                $"{contract.Role}({this}) after PutDmaAdapter ({Kernel.DescribeContext()})");
        }

        return true;
    }

    private void Report(Rule rule, DdiContract contract, string expected, string actual) =>
        Kernel.Log.Report(rule, expected, actual, contract.Page);

    /// <summary>ADDRESS_AND_SIZE_TO_SPAN_PAGES: pages (map registers) a range of <paramref name="length"/> bytes at <paramref name="va"/> spans.</summary>
    private static uint SpanPages(VirtualAddress va, ulong length) =>
        length == 0 ? 0 : (uint)((((va.Value % PageSize) + length - 1) / PageSize) + 1);
}
