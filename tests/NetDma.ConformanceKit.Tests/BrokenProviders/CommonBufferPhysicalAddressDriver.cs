using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;
using NetDma.ReferenceProvider.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4023: a driver that stages transfers in a common buffer (AllocateCommonBuffer at start, FreeCommonBuffer
/// before PutDmaAdapter) but programs the device with the buffer's MmGetPhysicalAddress instead of the LogicalAddress
/// AllocateCommonBuffer returned (nc-wdm-pallocate_common_buffer.md: "Use this address rather than calling
/// MmGetPhysicalAddress").
/// </summary>
public sealed class CommonBufferPhysicalAddressDriver : BrokenWdmDriver
{
    private VirtualAddress _common;
    private PhysicalAddress _logical;

    public override NtStatus StartDevice(DeviceResources resources)
    {
        var status = base.StartDevice(resources);
        if (NtStatusFacts.NT_SUCCESS(status))
        {
            _common = Adapter!.DmaOperations.AllocateCommonBuffer!(Adapter, BusMasterSampleDriver.MaximumTransferLength, out _logical, false);
        }

        return status;
    }

    // Correct: _logical.Offset(...), the LogicalAddress AllocateCommonBuffer returned.
    protected override PhysicalAddress DeviceAddress(PhysicalAddress logical, Mdl mdl, VirtualAddress currentVa) =>
        Kernel.MmGetPhysicalAddress(_common);

    protected override void ReleaseHardware()
    {
        if (Adapter is { } adapter && !_common.IsNull)
        {
            adapter.DmaOperations.FreeCommonBuffer!(adapter, BusMasterSampleDriver.MaximumTransferLength, _logical, _common, false);
            _common = VirtualAddress.Null;
        }

        base.ReleaseHardware();
    }
}
