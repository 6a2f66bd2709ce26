using NetDma.Contracts.Kernel;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// Breaks NDMA4020: maps its transfers through an MDL whose virtual range is a PagedPool block (pageable memory)
/// over the IRP's physical pages; dma-verification.md: "Performing DMA on a pageable buffer (all buffers should be
/// locked before DMA transfer begins)". The device still moves the IRP's own bytes, so nothing else is wrong.
/// </summary>
public sealed class PagedBounceBufferDriver : BrokenWdmDriver
{
    private const uint BounceSize = 256 * 1024;
    private VirtualAddress _paged;

    public override NtStatus StartDevice(DeviceResources resources)
    {
        _paged = Kernel.ExAllocatePool2(PoolType.PagedPool, BounceSize, 0x6E756F42);
        return base.StartDevice(resources);
    }

    protected override Mdl MdlFor(Irp irp) => new(_paged, irp.MdlAddress.PhysicalBase, Math.Min(irp.MdlAddress.ByteCount, BounceSize));

    protected override void ReleaseHardware()
    {
        base.ReleaseHardware();
        if (_paged != VirtualAddress.Null)
        {
            Kernel.ExFreePool(_paged);
            _paged = VirtualAddress.Null;
        }
    }
}
