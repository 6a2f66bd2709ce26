using NetDma.ConformanceKit.Catalog;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;

namespace NetDma.ConformanceKit.Tests.Kernel;

public sealed class InvokeDriverTests
{
    private readonly KernelTestKit _kit = new();

    [Fact]
    public void InvokeDriver_sets_processor_and_IRQL_traces_the_call_and_restores_them()
    {
        var seen = _kit.Kernel.InvokeDriver(2, Irql.DISPATCH_LEVEL, "ProviderStartDma", "p.md",
            () => (_kit.Kernel.CurrentProcessor, _kit.Kernel.CurrentIrql, _kit.Kernel.KeGetCurrentProcessorNumber()));

        Assert.Equal((2u, Irql.DISPATCH_LEVEL, 2u), seen);
        Assert.Equal(Irql.PASSIVE_LEVEL, _kit.Kernel.GetProcessorIrql(2));
        Assert.Equal(0, _kit.Kernel.CallDepth);
        Assert.Contains("cpu2 DISPATCH_LEVEL system -> ProviderStartDma", _kit.Log.Trace.Tail());
        Assert.Contains("cpu2 DISPATCH_LEVEL driver -> KeGetCurrentProcessorNumber()", _kit.Log.Trace.Tail());
        Assert.Empty(_kit.Log.All);
    }

    [Fact]
    public void Nested_InvokeDriver_runs_inner_routine_and_restores_outer_context()
    {
        var inner = (Cpu: 99u, Irql: Irql.HIGH_LEVEL, Depth: 0);
        var afterInner = (Cpu: 99u, Irql: Irql.HIGH_LEVEL);
        _kit.Kernel.InvokeDriver(1, Irql.PASSIVE_LEVEL, "NetDmaRegisterProvider", "r.md", () =>
        {
            _kit.Kernel.InvokeDriver(3, Irql.DIRQL, "ISR", "i.md",
                () => inner = (_kit.Kernel.CurrentProcessor, _kit.Kernel.CurrentIrql, _kit.Kernel.CallDepth));
            afterInner = (_kit.Kernel.CurrentProcessor, _kit.Kernel.CurrentIrql);
        });

        Assert.Equal((3u, Irql.DIRQL, 2), inner);
        Assert.Equal((1u, Irql.PASSIVE_LEVEL), afterInner);
        Assert.Equal(Irql.PASSIVE_LEVEL, _kit.Kernel.GetProcessorIrql(3));
        Assert.Empty(_kit.Log.All);
    }

    [Fact]
    public void InvokeDriver_returning_at_a_raised_IRQL_reports_NDMA1005_and_restores_it()
    {
        _kit.Kernel.InvokeDriver(1, Irql.PASSIVE_LEVEL, "ProviderSetDmaChannelCpuAffinity", "nc-netdma-dma_channels_cpu_affinity_handler.md",
            () => _kit.Kernel.KeRaiseIrql(Irql.DISPATCH_LEVEL, out _));

        var violation = _kit.Single("NDMA1005");
        Assert.Contains("ProviderSetDmaChannelCpuAffinity", violation.Message);
        Assert.Contains("returned on cpu1 at DISPATCH_LEVEL", violation.Actual);
        Assert.Contains("entry IRQL PASSIVE_LEVEL", violation.Expected);
        Assert.Equal("nc-netdma-dma_channels_cpu_affinity_handler.md", violation.Page);
        Assert.Equal(Irql.PASSIVE_LEVEL, _kit.Kernel.GetProcessorIrql(1));
    }

    [Fact]
    public void InvokeDriver_returning_with_a_spin_lock_held_reports_NDMA1006_and_releases_it()
    {
        var spinLock = new KSpinLock();
        _kit.Kernel.InvokeDriver(0, Irql.DISPATCH_LEVEL, "DPC (KDEFERRED_ROUTINE)", "nf-wdm-keinitializedpc.md",
            () => _kit.Kernel.KeAcquireSpinLock(spinLock, out _));

        var violation = _kit.Single("NDMA1006");
        Assert.Contains("still holding spin lock #1 (acquired in DPC (KDEFERRED_ROUTINE))", violation.Actual);
        Assert.Equal("managing-hardware-priorities.md", violation.Page);

        _kit.AtDispatch(() =>
        {
            _kit.Kernel.KeAcquireSpinLock(spinLock, out var old);
            _kit.Kernel.KeReleaseSpinLock(spinLock, old);
        }, cpu: 1);
        Assert.Single(_kit.Log.All);
    }

    [Fact]
    public void InvokeDriver_releasing_its_locks_and_restoring_the_IRQL_is_silent()
    {
        var spinLock = new KSpinLock();
        _kit.AtPassive(() =>
        {
            _kit.Kernel.KeInitializeSpinLock(spinLock);
            _kit.Kernel.KeAcquireSpinLock(spinLock, out var old);
            Assert.Equal(Irql.DISPATCH_LEVEL, _kit.Kernel.KeGetCurrentIrql());
            _kit.Kernel.KeReleaseSpinLock(spinLock, old);
        });

        Assert.Empty(_kit.Log.All);
    }

    [Fact]
    public void A_spin_lock_taken_at_PASSIVE_LEVEL_and_leaked_is_NDMA1006_alone_because_releasing_it_restores_the_entry_IRQL()
    {
        var spinLock = new KSpinLock();
        _kit.Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL, "StartDevice (IRP_MN_START_DEVICE)", "starting-a-netdma-provider.md",
            () => _kit.Kernel.KeAcquireSpinLock(spinLock, out _));

        Assert.Equal(["NDMA1006"], _kit.Log.All.Select(v => v.Rule.Id));
        Assert.Equal(Irql.PASSIVE_LEVEL, _kit.Kernel.GetProcessorIrql(0));
    }

    [Fact]
    public void A_routine_that_leaks_a_lock_and_also_raised_before_taking_it_reports_both_NDMA1006_and_NDMA1005()
    {
        var spinLock = new KSpinLock();
        _kit.Kernel.InvokeDriver(0, Irql.PASSIVE_LEVEL, "StartDevice (IRP_MN_START_DEVICE)", "starting-a-netdma-provider.md", () =>
        {
            _kit.Kernel.KeRaiseIrql(Irql.DISPATCH_LEVEL, out _);
            _kit.Kernel.KeAcquireSpinLock(spinLock, out _);
        });

        Assert.Equal(["NDMA1006", "NDMA1005"], _kit.Log.All.Select(v => v.Rule.Id));
    }

    [Fact]
    public void InvokeDriver_propagates_an_exception_after_restoring_the_context_without_NDMA1005()
    {
        var thrown = Assert.Throws<InvalidOperationException>(() => _kit.Kernel.InvokeDriver(2, Irql.PASSIVE_LEVEL, "Boom", "b.md", () =>
        {
            _kit.Kernel.KeRaiseIrql(Irql.DISPATCH_LEVEL, out _);
            throw new InvalidOperationException("driver bug");
        }));

        Assert.Equal("driver bug", thrown.Message);
        Assert.Equal(0, _kit.Kernel.CallDepth);
        Assert.Equal(Irql.PASSIVE_LEVEL, _kit.Kernel.GetProcessorIrql(2));
        Assert.Empty(_kit.Log.All);
    }

    [Fact]
    public void InvokeDriver_on_a_processor_that_does_not_exist_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _kit.Kernel.InvokeDriver(4, Irql.PASSIVE_LEVEL, "X", "x.md", () => { }));
    }

    [Fact]
    public void CheckCallerIrql_outside_the_requirement_reports_NDMA1001_naming_routine_and_page()
    {
        var requirement = new IrqlRequirement(null, Irql.PASSIVE_LEVEL, false);
        var allowed = true;
        _kit.AtDispatch(() => allowed = _kit.Kernel.CheckCallerIrql("NetDmaProviderStart", requirement, "nf-netdma-netdmaproviderstart.md"), cpu: 3);

        Assert.False(allowed);
        var violation = _kit.Single("NDMA1001");
        Assert.Contains("NetDmaProviderStart called at IRQL <= PASSIVE_LEVEL", violation.Expected);
        Assert.Contains("DISPATCH_LEVEL", violation.Actual);
        Assert.Contains("cpu3", violation.Actual);
        Assert.Equal("nf-netdma-netdmaproviderstart.md", violation.Page);
    }

    [Fact]
    public void CheckCallerIrql_inside_the_requirement_is_silent()
    {
        var requirement = new IrqlRequirement(null, Irql.DISPATCH_LEVEL, false);
        var allowed = false;
        _kit.AtDispatch(() => allowed = _kit.Kernel.CheckCallerIrql("NetDmaInterruptDpc", requirement, "nf-netdma-netdmainterruptdpc.md"));

        Assert.True(allowed);
        Assert.Empty(_kit.Log.All);
    }
}
