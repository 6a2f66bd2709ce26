using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Tests.Kernel;

public sealed class EventTests
{
    private readonly KernelTestKit _kit = new();

    [Fact]
    public void KeWaitForSingleObject_on_a_signaled_event_returns_STATUS_SUCCESS_and_does_not_reset_it()
    {
        var ev = new KEvent();
        _kit.AtPassive(() =>
        {
            _kit.Kernel.KeInitializeEvent(ev, false);
            Assert.False(_kit.Kernel.KeSetEvent(ev));
            Assert.Equal(NtStatus.STATUS_SUCCESS, _kit.Kernel.KeWaitForSingleObject(ev, null));
            Assert.Equal(NtStatus.STATUS_SUCCESS, _kit.Kernel.KeWaitForSingleObject(ev, 10_000));
            Assert.True(_kit.Kernel.KeSetEvent(ev));
        });

        Assert.Empty(_kit.Log.All);
    }

    [Fact]
    public void KeWaitForSingleObject_with_a_finite_time_out_on_a_non_signaled_event_times_out_silently()
    {
        var ev = new KEvent();
        _kit.AtPassive(() =>
        {
            _kit.Kernel.KeInitializeEvent(ev, false);
            Assert.Equal(NtStatus.STATUS_TIMEOUT, _kit.Kernel.KeWaitForSingleObject(ev, 10_000));
        });

        Assert.Empty(_kit.Log.All);
    }

    [Fact]
    public void KeWaitForSingleObject_with_a_zero_time_out_at_DISPATCH_LEVEL_is_a_silent_poll()
    {
        var ev = new KEvent();
        _kit.Kernel.KeInitializeEvent(ev, false);
        _kit.AtDispatch(() => Assert.Equal(NtStatus.STATUS_TIMEOUT, _kit.Kernel.KeWaitForSingleObject(ev, 0)));

        Assert.Empty(_kit.Log.All);
    }

    [Fact]
    public void KeWaitForSingleObject_with_a_time_out_at_DISPATCH_LEVEL_reports_NDMA1002()
    {
        var ev = new KEvent();
        _kit.Kernel.KeInitializeEvent(ev, true);
        _kit.AtDispatch(() => _kit.Kernel.KeWaitForSingleObject(ev, 10_000));

        var violation = _kit.Single("NDMA1002");
        Assert.Contains("KeWaitForSingleObject(Timeout = 10000 x 100 ns) at DISPATCH_LEVEL", violation.Actual);
        Assert.Contains("IRQL <= APC_LEVEL", violation.Expected);
    }

    [Fact]
    public void KeWaitForSingleObject_with_a_zero_time_out_at_DIRQL_reports_NDMA1001()
    {
        var ev = new KEvent();
        _kit.Kernel.InvokeDriver(0, Irql.DIRQL, "ISR", "isr.md", () => _kit.Kernel.KeWaitForSingleObject(ev, 0));

        Assert.Contains("Timeout = 0) at DIRQL", _kit.Single("NDMA1001").Actual);
    }

    [Fact]
    public void KeWaitForSingleObject_forever_on_a_non_signaled_event_reports_NDMA2003_and_returns_STATUS_TIMEOUT()
    {
        var ev = new KEvent();
        var status = NtStatus.STATUS_SUCCESS;
        _kit.AtPassive(() =>
        {
            _kit.Kernel.KeInitializeEvent(ev, false);
            status = _kit.Kernel.KeWaitForSingleObject(ev, null);
        });

        Assert.Equal(NtStatus.STATUS_TIMEOUT, status);
        var violation = _kit.Single("NDMA2003");
        Assert.Contains("would never return", violation.Actual);
        Assert.Contains("KeWaitForSingleObject", violation.Actual);
    }
}
