using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;

namespace NetDma.ConformanceKit.Tests.Kernel;

public sealed class IrqlAndSpinLockTests
{
    private readonly KernelTestKit _kit = new();

    [Fact]
    public void KeRaiseIrql_then_KeLowerIrql_to_the_saved_level_is_silent()
    {
        _kit.AtPassive(() =>
        {
            _kit.Kernel.KeRaiseIrql(Irql.DISPATCH_LEVEL, out var old);
            Assert.Equal(Irql.PASSIVE_LEVEL, old);
            Assert.Equal(Irql.DISPATCH_LEVEL, _kit.Kernel.CurrentIrql);
            _kit.Kernel.KeLowerIrql(old);
        });

        Assert.Empty(_kit.Log.All);
    }

    [Fact]
    public void KeRaiseIrql_to_a_lower_level_reports_NDMA1004_and_leaves_the_IRQL()
    {
        _kit.AtDispatch(() =>
        {
            _kit.Kernel.KeRaiseIrql(Irql.PASSIVE_LEVEL, out var old);
            Assert.Equal(Irql.DISPATCH_LEVEL, old);
            Assert.Equal(Irql.DISPATCH_LEVEL, _kit.Kernel.CurrentIrql);
        });

        var violation = _kit.Single("NDMA1004");
        Assert.Contains("KeRaiseIrql(NewIrql = PASSIVE_LEVEL) at DISPATCH_LEVEL", violation.Actual);
        Assert.Equal("managing-hardware-priorities.md", violation.Page);
    }

    [Fact]
    public void KeLowerIrql_to_a_higher_level_reports_NDMA1004_and_leaves_the_IRQL()
    {
        _kit.AtPassive(() =>
        {
            _kit.Kernel.KeLowerIrql(Irql.DISPATCH_LEVEL);
            Assert.Equal(Irql.PASSIVE_LEVEL, _kit.Kernel.CurrentIrql);
        });

        Assert.Contains("KeLowerIrql(NewIrql = DISPATCH_LEVEL) at PASSIVE_LEVEL", _kit.Single("NDMA1004").Actual);
    }

    [Fact]
    public void KeAcquireSpinLock_above_DISPATCH_reports_NDMA1001_from_the_contract_attributes()
    {
        var spinLock = new KSpinLock();
        _kit.Kernel.InvokeDriver(0, Irql.DIRQL, "ISR", "isr.md", () =>
        {
            _kit.Kernel.KeAcquireSpinLock(spinLock, out var old);
            _kit.Kernel.KeReleaseSpinLock(spinLock, old);
        });

        var violations = _kit.Log.All;
        Assert.Equal(2, violations.Count);
        Assert.All(violations, v => Assert.Equal("NDMA1001", v.Rule.Id));
        Assert.Contains("KeAcquireSpinLock called at IRQL <= DISPATCH_LEVEL", violations[0].Expected);
        Assert.Contains("KeReleaseSpinLock called at IRQL = DISPATCH_LEVEL", violations[1].Expected);
        Assert.All(violations, v => Assert.Contains("DIRQL", v.Actual));
    }

    [Fact]
    public void KeAcquireSpinLock_of_a_lock_this_processor_holds_reports_NDMA1006_without_deadlocking()
    {
        var spinLock = new KSpinLock();
        _kit.AtDispatch(() =>
        {
            _kit.Kernel.KeAcquireSpinLock(spinLock, out var first);
            _kit.Kernel.KeAcquireSpinLock(spinLock, out var second);
            _kit.Kernel.KeReleaseSpinLock(spinLock, second);
            _kit.Kernel.KeReleaseSpinLock(spinLock, first);
        });

        var violation = _kit.Single("NDMA1006");
        Assert.Contains("spin lock #1 acquired again on cpu0 in TestRoutine", violation.Actual);
        Assert.Contains("deadlock", violation.Actual);
    }

    [Fact]
    public void KeReleaseSpinLock_of_a_lock_this_processor_does_not_hold_reports_NDMA1006()
    {
        var spinLock = new KSpinLock();
        _kit.AtDispatch(() => _kit.Kernel.KeReleaseSpinLock(spinLock, Irql.DISPATCH_LEVEL));

        var violation = _kit.Single("NDMA1006");
        Assert.Contains("KeReleaseSpinLock", violation.Expected);
        Assert.Contains("spin lock #1 released on cpu0 in TestRoutine, but it is not held", violation.Actual);
    }

    [Fact]
    public void KeReleaseSpinLock_on_another_processor_than_the_holder_reports_NDMA1006()
    {
        var spinLock = new KSpinLock();
        _kit.AtDispatch(() =>
        {
            _kit.Kernel.KeAcquireSpinLock(spinLock, out var old);
            _kit.AtDispatch(() => _kit.Kernel.KeReleaseSpinLock(spinLock, Irql.DISPATCH_LEVEL), cpu: 1);
            _kit.Kernel.KeReleaseSpinLock(spinLock, old);
        });

        Assert.Contains("but it is held by cpu0", _kit.Single("NDMA1006").Actual);
    }

    [Fact]
    public void KeAcquireSpinLock_of_a_lock_held_by_a_suspended_processor_reports_a_hang_NDMA2003()
    {
        var spinLock = new KSpinLock();
        _kit.AtDispatch(() =>
        {
            _kit.Kernel.KeAcquireSpinLock(spinLock, out var old);
            _kit.AtDispatch(() =>
            {
                _kit.Kernel.KeAcquireSpinLock(spinLock, out var inner);
                _kit.Kernel.KeReleaseSpinLock(spinLock, inner);
            }, cpu: 2);
            _kit.Kernel.KeReleaseSpinLock(spinLock, old);
        });

        Assert.Contains("would spin forever", _kit.Single("NDMA2003").Actual);
    }

    [Fact]
    public void Spin_locks_on_different_processors_are_independent_and_silent()
    {
        var a = new KSpinLock();
        var b = new KSpinLock();
        _kit.AtPassive(() =>
        {
            _kit.Kernel.KeAcquireSpinLock(a, out var oldA);
            _kit.AtDispatch(() =>
            {
                _kit.Kernel.KeAcquireSpinLock(b, out var oldB);
                _kit.Kernel.KeReleaseSpinLock(b, oldB);
            }, cpu: 1);
            _kit.Kernel.KeReleaseSpinLock(a, oldA);
            Assert.Equal(Irql.PASSIVE_LEVEL, _kit.Kernel.CurrentIrql);
        });

        Assert.Empty(_kit.Log.All);
    }
}
