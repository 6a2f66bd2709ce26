using NetDma.ConformanceKit.Memory;
using NetDma.Contracts.Kernel;
using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.Kernel;

public sealed class PoolTests
{
    private const uint Tag = 0x616D644E; // "Ndma" in memory order

    private readonly KernelTestKit _kit = new();

    [Fact]
    public void ExAllocatePool2_and_ExFreePool_in_pairs_are_silent_and_leave_nothing_outstanding()
    {
        _kit.AtDispatch(() =>
        {
            var block = _kit.Kernel.ExAllocatePool2(PoolType.NonPagedPoolNx, 128, Tag);
            Assert.False(block.IsNull);
            Assert.Equal(MemoryKind.Pool, _kit.Kernel.Memory.Find(block)!.Kind);
            var outstanding = Assert.Single(_kit.Kernel.OutstandingPoolBlocks);
            Assert.Equal("Ndma", outstanding.TagText);
            Assert.Equal(128UL, outstanding.NumberOfBytes);
            _kit.Kernel.ExFreePool(block);
        });

        Assert.Empty(_kit.Kernel.OutstandingPoolBlocks);
        Assert.Equal(0, _kit.Kernel.CheckNoPoolLeaks("TestDriver"));
        Assert.Empty(_kit.Log.All);
    }

    [Fact]
    public void ExAllocatePool2_of_paged_pool_at_DISPATCH_LEVEL_reports_NDMA1003_and_still_allocates()
    {
        var block = VirtualAddress.Null;
        _kit.AtDispatch(() => block = _kit.Kernel.ExAllocatePool2(PoolType.PagedPool, 64, Tag));

        Assert.False(block.IsNull);
        var violation = _kit.Single("NDMA1003");
        Assert.Contains("ExAllocatePool2(PagedPool, 64 bytes, tag 'Ndma') at DISPATCH_LEVEL", violation.Actual);
        Assert.Equal("managing-hardware-priorities.md", violation.Page);
    }

    [Fact]
    public void ExFreePool_of_a_paged_block_at_DISPATCH_LEVEL_reports_NDMA1003()
    {
        var block = _kit.Kernel.ExAllocatePool2(PoolType.PagedPool, 64, Tag);
        _kit.AtDispatch(() => _kit.Kernel.ExFreePool(block));

        Assert.Contains("ExFreePool", _kit.Single("NDMA1003").Actual);
        Assert.Empty(_kit.Kernel.OutstandingPoolBlocks);
    }

    [Fact]
    public void ExFreePool_twice_reports_NDMA5003()
    {
        var block = _kit.Kernel.ExAllocatePool2(PoolType.NonPagedPoolNx, 64, Tag);
        _kit.Kernel.ExFreePool(block);
        _kit.Kernel.ExFreePool(block);

        var violation = _kit.Single("NDMA5003");
        Assert.Contains("was already freed", violation.Actual);
        Assert.Contains("tag 'Ndma'", violation.Actual);
    }

    [Fact]
    public void ExFreePool_of_an_address_never_allocated_reports_NDMA5003()
    {
        var block = _kit.Kernel.ExAllocatePool2(PoolType.NonPagedPoolNx, 64, Tag);
        _kit.Kernel.ExFreePool(block.Offset(8));
        _kit.Kernel.ExFreePool(new VirtualAddress(0x1234));

        Assert.Equal(2, _kit.Log.All.Count);
        Assert.All(_kit.Log.All, v => Assert.Equal("NDMA5003", v.Rule.Id));
        Assert.Contains("8 bytes inside", _kit.Log.All[0].Actual);
        Assert.Contains("never returned by ExAllocatePool2", _kit.Log.All[1].Actual);
        Assert.Single(_kit.Kernel.OutstandingPoolBlocks);
    }

    [Fact]
    public void CheckNoPoolLeaks_reports_NDMA5006_per_leaked_block()
    {
        _kit.AtPassive(() =>
        {
            _kit.Kernel.ExAllocatePool2(PoolType.NonPagedPoolNx, 64, Tag);
            _kit.Kernel.ExAllocatePool2(PoolType.PagedPool, 32, Tag);
        });

        Assert.Equal(2, _kit.Kernel.CheckNoPoolLeaks("LeakyDriver"));

        Assert.Equal(2, _kit.Log.All.Count);
        Assert.All(_kit.Log.All, v => Assert.Equal("NDMA5006", v.Rule.Id));
        Assert.All(_kit.Log.All, v => Assert.Contains("LeakyDriver", v.Expected));
        Assert.Contains("64 bytes", _kit.Log.All[0].Actual);
        Assert.Contains("allocated in TestRoutine on cpu0", _kit.Log.All[0].Actual);
    }
}
