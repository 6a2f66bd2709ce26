using System.Runtime.CompilerServices;
using NetDma.ConformanceKit.Diagnostics;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Wdm;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Kernel;

/// <summary>DMA adapters: IoGetDmaAdapter and the adapter check at removal.</summary>
public sealed partial class SimulatedKernel
{
    private readonly List<SimulatedDmaAdapter> _adapters = [];

    // The evaluation counters of the translation checks every device access of an adapter's device makes, resolved on
    // first use and then held (an increment per access instead of a dictionary lookup; docs/performance.md).
    private RuleEvaluationCounter? _mappedRangesChecks;
    private RuleEvaluationCounter? _logicalAddressChecks;

    // Adapters with DEVICE_DESCRIPTION.Master = FALSE not yet reported for a bus-master access (NDMA4015): while none
    // is left, NoteBusMasterDma has nothing to check and returns at once.
    private int _unreportedSubordinateAdapters;

    /// <summary>Every adapter IoGetDmaAdapter returned, in order.</summary>
    public IReadOnlyList<SimulatedDmaAdapter> DmaAdapters => _adapters;

    /// <summary>
    /// The alignment, in bytes, of the DMA system, which every adapter's GetDmaAlignment returns
    /// (nc-wdm-pget_dma_alignment.md): a power of two, 1 (no requirement) unless a script's <c>platform
    /// dma_alignment=</c> sets it. Set before IoGetDmaAdapter is called.
    /// </summary>
    public uint DmaAlignment
    {
        get => _dmaAlignment;
        set
        {
            if (value == 0 || (value & (value - 1)) != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The DMA alignment is a power of two.");
            }

            _dmaAlignment = value;
        }
    }

    private uint _dmaAlignment = 1;

    /// <inheritdoc/>
    /// <remarks>
    /// The CPU physical address; a device of a driver with a DMA adapter does not reach memory through it (its
    /// adapter's logical addresses differ, <see cref="SimulatedDmaAdapter.LogicalAddressOffset"/>; rules NDMA4023,
    /// NDMA4027).
    /// </remarks>
    public PhysicalAddress MmGetPhysicalAddress(VirtualAddress BaseAddress)
    {
        if (!Enter(nameof(MmGetPhysicalAddress), $"{BaseAddress}"))
        {
            return PhysicalAddress.Null;
        }

        return Memory.TryToPhysical(BaseAddress, out var physical) ? physical : PhysicalAddress.Null;
    }

    /// <summary>
    /// The physical address a device access at <paramref name="address"/> reaches. A device whose PDO has a DMA
    /// adapter works with its adapter's logical addresses: the access is translated when it starts in a range the
    /// adapter maps, and otherwise reported (NDMA4023 for a common buffer's CPU physical address, else NDMA4027) and
    /// refused (null), as an IOMMU would fault it. Other devices (NetDMA engines, given physical addresses by NetDMA)
    /// reach memory at <paramref name="address"/> itself.
    /// </summary>
    internal PhysicalAddress? DeviceAddressToPhysical(DeviceObject device, PhysicalAddress address, ulong length, bool isWrite)
    {
        // Every device access passes here: loops, not LINQ, so the data path allocates nothing.
        SimulatedDmaAdapter? last = null;
        foreach (var adapter in _adapters)
        {
            if (!ReferenceEquals(adapter.PhysicalDeviceObject, device))
            {
                continue;
            }

            if (last is null)
            {
                (_mappedRangesChecks ??= Log.CounterFor(AdapterRules.DeviceUsesMappedRanges)).Checked();
                (_logicalAddressChecks ??= Log.CounterFor(AdapterRules.CommonBufferLogicalAddress)).Checked();
            }

            last = adapter;
            if (!adapter.IsPut && adapter.TranslateDeviceAddress(address) is { } physical)
            {
                return physical;
            }
        }

        if (last is null)
        {
            return address;
        }

        last.ReportUnmappedDeviceAccess(device, address, length, isWrite);
        return null;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// DEVICE_DESCRIPTION versions 0 to 3 are supported (version 3 adds AllocateAdapterChannelEx); a higher version
    /// returns NULL with no map registers, as nf-wdm-iogetdmaadapter.md documents. The maximum is
    /// <see cref="SimulatedDmaAdapter.MaximumMapRegistersFor"/>(MaximumLength), or fewer under a <c>map-registers</c>
    /// fault ("there is no guarantee a driver will receive the same number of map registers it requested").
    /// </remarks>
    public DmaAdapter? IoGetDmaAdapter(DeviceObject? PhysicalDeviceObject, DeviceDescription DeviceDescription, out uint NumberOfMapRegisters)
    {
        ArgumentNullException.ThrowIfNull(DeviceDescription);
        NumberOfMapRegisters = 0;
        if (!Enter(nameof(IoGetDmaAdapter),
                $"{PhysicalDeviceObject?.ToString() ?? "NULL"}, Version = {DeviceDescription.Version}, Master = {DeviceDescription.Master}, MaximumLength = {DeviceDescription.MaximumLength}"))
        {
            return null;
        }

        if (DeviceDescription.Version > DeviceDescription.DEVICE_DESCRIPTION_VERSION3)
        {
            Log.Trace.Record($"  IoGetDmaAdapter: DEVICE_DESCRIPTION version {DeviceDescription.Version} is not supported = NULL");
            return null;
        }

        CheckDmaAdapterCaller();
        CheckDeviceDescription(DeviceDescription);
        var adapter = new SimulatedDmaAdapter(this, PhysicalDeviceObject, DeviceDescription, _adapters.Count + 1);
        _adapters.Add(adapter);
        if (!adapter.IsBusMaster)
        {
            _unreportedSubordinateAdapters++;
        }
        NumberOfMapRegisters = Faults?.GrantMapRegisters(adapter.MaximumMapRegisters, $"IoGetDmaAdapter(MaximumLength = {DeviceDescription.MaximumLength})")
            ?? adapter.MaximumMapRegisters;
        adapter.MaximumMapRegisters = NumberOfMapRegisters;
        return adapter.Adapter;
    }

    /// <summary>The simulated adapter behind a DMA_ADAPTER this kernel returned, or null.</summary>
    public SimulatedDmaAdapter? FindDmaAdapter(DmaAdapter adapter) =>
        _adapters.FirstOrDefault(a => ReferenceEquals(a.Adapter, adapter));

    /// <summary>
    /// After the driver handled <paramref name="pnpRequest"/> (IRP_MN_STOP_DEVICE, where nc-wdm-pput_dma_adapter.md
    /// says "A driver must call PutDmaAdapter", or IRP_MN_REMOVE_DEVICE): reports every adapter not released with
    /// PutDmaAdapter (NDMA4007), once per adapter, and an adapter object of a routine-less AllocateAdapterChannelEx
    /// still held (NDMA4022).
    /// </summary>
    /// <param name="driverName">The driver, for the report.</param>
    /// <param name="pnpRequest">The PnP request just handled, for the report.</param>
    /// <returns>The number of adapters not put that were not reported before.</returns>
    public int CheckDmaAdaptersPut(string driverName, string pnpRequest = "IRP_MN_REMOVE_DEVICE")
    {
        foreach (var adapter in _adapters)
        {
            Log.Checked(AdapterRules.ReleaseBeforePut);
            if (!adapter.IsPut)
            {
                adapter.CheckAdapterObjectFreed($"the end of {pnpRequest}");
            }
        }

        var leaked = _adapters.Where(a => !a.IsPut && !a.ReportedNotPut).ToList();
        foreach (var adapter in leaked)
        {
            adapter.ReportedNotPut = true;
            var outstanding = adapter.OutstandingResources();
            Log.Report(AdapterRules.ReleaseBeforePut,
                $"every adapter {driverName} got from IoGetDmaAdapter released with PutDmaAdapter when it handles {pnpRequest}",
                $"{adapter} of {adapter.PhysicalDeviceObject?.ToString() ?? "no PDO"} was never put by the end of {pnpRequest}" +
                (outstanding.Count > 0 ? $", with {string.Join("; ", outstanding)} outstanding" : string.Empty));
        }

        return leaked.Count;
    }

    /// <summary>
    /// The device <paramref name="pdo"/> read or wrote memory itself, through its bus: it is a bus master. If the
    /// driver described it to IoGetDmaAdapter with Master = FALSE (a subordinate device, whose transfers the system
    /// DMA controller would make), that is NDMA4015 (ns-wdm-_device_description.md), reported once per adapter.
    /// </summary>
    internal void NoteBusMasterDma(DeviceObject pdo)
    {
        // Every device access passes here; with no subordinate adapter left to report there is nothing to look at.
        if (_unreportedSubordinateAdapters == 0)
        {
            return;
        }

        foreach (var adapter in _adapters)
        {
            if (!ReferenceEquals(adapter.PhysicalDeviceObject, pdo) || adapter.IsBusMaster || adapter.IsPut || adapter.ReportedAsSubordinate)
            {
                continue;
            }

            adapter.ReportedAsSubordinate = true;
            _unreportedSubordinateAdapters--;
            ReportSubordinateBusMaster(pdo, adapter);
        }
    }

    /// <summary>
    /// NDMA4015 for a device that masters the bus on a subordinate adapter. Out of line (never inlined): formatted in
    /// <see cref="NoteBusMasterDma"/>, the report made every device access set up and clear a large frame.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportSubordinateBusMaster(DeviceObject pdo, SimulatedDmaAdapter adapter) =>
        Log.Report(AdapterRules.DeviceDescriptionFields, "DEVICE_DESCRIPTION.Master = TRUE for a bus-master DMA device",
            $"{pdo} performs DMA itself (bus master), but its driver got {adapter} with DEVICE_DESCRIPTION.Master = FALSE (a subordinate device)",
            AdapterRules.DeviceDescriptionFields.Page);

    /// <summary>
    /// After a successful IRP_MN_START_DEVICE: NDMA4025 (nc-wdm-pget_dma_alignment.md: GetDmaAlignment's value "should
    /// be used to set the AlignmentRequirement field in the device object", which a driver may increase) when the
    /// device object <paramref name="fdo"/>'s AlignmentRequirement + 1 is not a multiple of the alignment of an adapter
    /// its driver holds. Judged only when the alignment is above 1 (AlignmentRequirement 0 covers byte alignment).
    /// </summary>
    /// <param name="fdo">The device object the driver's AddDevice returned.</param>
    public void CheckAlignmentRequirement(DeviceObject fdo)
    {
        ArgumentNullException.ThrowIfNull(fdo);
        if (DmaAlignment == 1 || !_adapters.Any(a => !a.IsPut))
        {
            return;
        }

        Log.Checked(AdapterRules.AlignmentRequirementFromAdapter);
        if (((ulong)fdo.AlignmentRequirement + 1) % DmaAlignment != 0)
        {
            Log.Report(AdapterRules.AlignmentRequirementFromAdapter,
                $"{fdo}->AlignmentRequirement set from GetDmaAlignment() = {DmaAlignment} bytes (at least 0x{DmaAlignment - 1:X})",
                $"after IRP_MN_START_DEVICE, {fdo}->AlignmentRequirement = 0x{fdo.AlignmentRequirement:X} ({(ulong)fdo.AlignmentRequirement + 1}-byte alignment)",
                AdapterRules.AlignmentRequirementFromAdapter.Page);
        }
    }

    /// <summary>NDMA4018 (nf-wdm-iogetdmaadapter.md): from a driver routine other than AddDevice or IRP_MN_START_DEVICE.</summary>
    private void CheckDmaAdapterCaller()
    {
        // Outside any driver routine (a test calling the kernel directly) there is no PnP state to judge.
        Log.Checked(AdapterRules.DmaAdapterFromAddOrStart);
        if (CurrentRoutine is { } routine && routine != AddDeviceRoutineName && routine != StartDeviceRoutineName)
        {
            Log.Report(AdapterRules.DmaAdapterFromAddOrStart, "IoGetDmaAdapter from AddDevice or while handling IRP_MN_START_DEVICE",
                $"IoGetDmaAdapter called from {routine} ({DescribeContext()})", AdapterRules.DmaAdapterFromAddOrStart.Page);
        }
    }

    /// <summary>NDMA4015 (ns-wdm-_device_description.md): Reserved1 "Must be FALSE"; version 3 bus master: DmaAddressWidth "must be nonzero and must not exceed 64".</summary>
    private void CheckDeviceDescription(DeviceDescription description)
    {
        Log.Checked(AdapterRules.DeviceDescriptionFields);
        if (description.Reserved1)
        {
            Log.Report(AdapterRules.DeviceDescriptionFields, "DEVICE_DESCRIPTION.Reserved1 = FALSE",
                $"IoGetDmaAdapter with DEVICE_DESCRIPTION.Reserved1 = TRUE", AdapterRules.DeviceDescriptionFields.Page);
        }

        if (description.Version == DeviceDescription.DEVICE_DESCRIPTION_VERSION3 && description.Master
            && description.DmaAddressWidth is 0 or > 64)
        {
            Log.Report(AdapterRules.DeviceDescriptionFields,
                "DEVICE_DESCRIPTION.DmaAddressWidth between 1 and 64 for a version 3 bus-master description",
                $"IoGetDmaAdapter with Version = DEVICE_DESCRIPTION_VERSION3, Master = TRUE, DmaAddressWidth = {description.DmaAddressWidth}",
                AdapterRules.DeviceDescriptionFields.Page);
        }
    }
}
