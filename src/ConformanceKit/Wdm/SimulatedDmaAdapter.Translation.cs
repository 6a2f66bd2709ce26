using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Wdm;

/// <summary>
/// Logical (bus) addresses: what the adapter hands the driver for its device (MapTransfer's return value,
/// scatter/gather elements, AllocateCommonBuffer's LogicalAddress) and how a device access at one reaches memory.
/// </summary>
/// <remarks>
/// A logical address is the CPU physical address plus <see cref="LogicalAddressOffset"/>, as a platform with DMA
/// remapping (an IOMMU, or the HAL's map registers) makes them differ; so a driver that hands its device a CPU physical
/// address (an MDL's, or MmGetPhysicalAddress's) is caught. A device access is translated only when it starts inside
/// a range the adapter maps now: a MapTransfer range not yet flushed, a scatter/gather list not yet put, a live common
/// buffer. An access that starts inside a mapping but runs past it is translated and left to the memory's guard bands
/// (NDMA5001).
/// </remarks>
public sealed partial class SimulatedDmaAdapter
{
    /// <summary>Logical address minus CPU physical address for every mapping of every simulated adapter (1 TiB).</summary>
    public const ulong LogicalAddressOffset = 0x0000_0100_0000_0000;

    /// <summary>The logical address the adapter gives the device for CPU physical address <paramref name="physical"/>.</summary>
    internal static PhysicalAddress ToLogical(PhysicalAddress physical) => physical.Offset(LogicalAddressOffset);

    /// <summary>
    /// The CPU physical address behind logical address <paramref name="logical"/> when it lies in a range this adapter
    /// maps now; otherwise null.
    /// </summary>
    internal PhysicalAddress? TranslateDeviceAddress(PhysicalAddress logical)
    {
        if (logical.QuadPart < LogicalAddressOffset)
        {
            return null;
        }

        var physical = new PhysicalAddress(logical.QuadPart - LogicalAddressOffset);
        var mapped = _commonBuffers.Values.Any(c => c.Buffer.Live && c.Buffer.Contains(physical))
            || _grants.Values.SelectMany(g => g.Mapped).Any(m => Contains(m.PhysicalStart, m.Length, physical))
            || _scatterGatherLists.SelectMany(l => l.Elements).Any(e => Contains(new PhysicalAddress(e.Address.QuadPart - LogicalAddressOffset), e.Length, physical));
        return mapped ? physical : null;
    }

    /// <summary>
    /// A device access at <paramref name="address"/> that no mapping of this adapter covers: NDMA4023 when the address
    /// is the CPU physical address of one of this adapter's live common buffers (the device was not given
    /// AllocateCommonBuffer's LogicalAddress), else NDMA4027. The access is refused.
    /// </summary>
    internal void ReportUnmappedDeviceAccess(DeviceObject device, PhysicalAddress address, ulong length, bool isWrite)
    {
        var access = $"{device} {(isWrite ? "wrote" : "read")} {length} bytes at {address}";
        if (_commonBuffers.Values.Select(c => c.Buffer).FirstOrDefault(b => b.Live && b.Contains(address)) is { } common)
        {
            Kernel.Log.Report(AdapterRules.CommonBufferLogicalAddress,
                $"the device given the LogicalAddress AllocateCommonBuffer returned ({ToLogical(common.PhysicalBase)} for {common.Describe()})",
                $"{access}, the CPU physical address of {common.Describe()} (MmGetPhysicalAddress's), which no mapping of {this} covers; the access was refused",
                AdapterRules.CommonBufferLogicalAddress.Page);
            return;
        }

        var what = Kernel.Memory.Find(address) is { } buffer
            ? $"the CPU physical address of {buffer.Describe()}, not a logical address MapTransfer or GetScatterGatherList returned"
            : address.QuadPart >= LogicalAddressOffset && Kernel.Memory.Find(new PhysicalAddress(address.QuadPart - LogicalAddressOffset)) is { } unmapped
                ? $"the logical address of {unmapped.Describe()}, which is not mapped now (never mapped, flushed with FlushAdapterBuffers, or its list put)"
                : "an address no buffer and no mapping covers";
        Kernel.Log.Report(AdapterRules.DeviceUsesMappedRanges,
            $"the device's DMA only at logical addresses {this} maps: a MapTransfer range not yet flushed, a scatter/gather list not yet put, or a common buffer",
            $"{access}: {what}; the access was refused",
            AdapterRules.DeviceUsesMappedRanges.Page);
    }

    private static bool Contains(PhysicalAddress start, ulong length, PhysicalAddress address) =>
        address.QuadPart >= start.QuadPart && address.QuadPart - start.QuadPart < length;
}
