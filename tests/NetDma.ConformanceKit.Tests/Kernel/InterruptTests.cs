using NetDma.ConformanceKit.Kernel;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.Kernel;

public sealed class InterruptTests
{
    private readonly KernelTestKit _kit = new();
    private readonly DeviceObject _pdo = new(@"\Device\Pdo0");
    private readonly List<string> _isrCalls = [];

    private KMessageServiceRoutine Isr => (_, context, messageId) =>
    {
        _isrCalls.Add($"msg{messageId} cpu{_kit.Kernel.CurrentProcessor} {(byte)_kit.Kernel.CurrentIrql} {context}");
        return true;
    };

    private DeviceBus Connect(params InterruptMessage[] messages)
    {
        var bus = _kit.Kernel.AttachDevice(_pdo);
        _kit.Kernel.SetInterruptResources(_pdo, new DeviceResources(true, messages));
        var status = NtStatus.STATUS_UNSUCCESSFUL;
        _kit.AtPassive(() => status = _kit.Kernel.IoConnectInterruptEx(_pdo, Isr, "ctx", out _));
        Assert.Equal(NtStatus.STATUS_SUCCESS, status);
        return bus;
    }

    [Fact]
    public void An_MSI_X_interrupt_runs_the_ISR_on_the_message_target_processor_at_DIRQL()
    {
        var bus = Connect(new InterruptMessage(0, 1), new InterruptMessage(1, 3));

        bus.RequestInterrupt(1);
        bus.RequestInterrupt(0);
        Assert.Equal(2, _kit.Kernel.PendingInterruptCount);
        Assert.Equal(2, _kit.Kernel.DeliverInterrupts());

        Assert.Equal(["msg1 cpu3 5 ctx", "msg0 cpu1 5 ctx"], _isrCalls);
        Assert.Equal(Irql.PASSIVE_LEVEL, _kit.Kernel.GetProcessorIrql(3));
        Assert.Contains("cpu3 DIRQL system -> ISR (KMESSAGE_SERVICE_ROUTINE)", _kit.Log.Trace.Tail(50));
        Assert.Empty(_kit.Log.All);
    }

    [Fact]
    public void An_interrupt_on_a_message_the_device_was_not_granted_reports_NDMA3040_and_is_dropped()
    {
        var bus = Connect(new InterruptMessage(0, 1));

        bus.RequestInterrupt(7);

        Assert.Equal(0, _kit.Kernel.DeliverInterrupts());
        Assert.Empty(_isrCalls);
        var violation = _kit.Single("NDMA3040");
        Assert.Null(violation.Page); // A kit rule: no corpus page documents the start resources or IoConnectInterruptEx.
        Assert.Contains("Source: kit rule, no corpus page.", violation.Message);
        Assert.Contains(@"\Device\Pdo0 signalled interrupt message 7, which it was not granted (granted: message 0 -> cpu1)", violation.Actual);
        Assert.Equal(0, _kit.Kernel.PendingInterruptCount);
    }

    [Fact]
    public void An_interrupt_with_no_ISR_connected_reports_NDMA3040_and_is_dropped()
    {
        var bus = _kit.Kernel.AttachDevice(_pdo);
        _kit.Kernel.SetInterruptResources(_pdo, new DeviceResources(true, [new InterruptMessage(0, 0)]));

        bus.RequestInterrupt(0);
        _kit.Kernel.DeliverInterrupts();

        Assert.Contains("no ISR connected", _kit.Single("NDMA3040").Actual);
    }

    [Fact]
    public void An_interrupt_targeting_a_processor_at_DIRQL_stays_pending_until_it_is_unmasked()
    {
        var bus = Connect(new InterruptMessage(0, 2));
        _kit.Kernel.InvokeDriver(2, Irql.DIRQL_MAX, "Masking", "m.md", () =>
        {
            bus.RequestInterrupt(0);
            Assert.Equal(0, _kit.Kernel.DeliverInterrupts());
        });

        Assert.Equal(1, _kit.Kernel.PendingInterruptCount);
        Assert.Equal(1, _kit.Kernel.DeliverInterrupts());
        Assert.Equal(["msg0 cpu2 5 ctx"], _isrCalls);
    }

    [Fact]
    public void IoConnectInterruptEx_without_granted_interrupts_returns_STATUS_INSUFFICIENT_RESOURCES()
    {
        _kit.Kernel.AttachDevice(_pdo);
        KInterrupt? interrupt = new();
        var status = _kit.Kernel.IoConnectInterruptEx(_pdo, Isr, null, out interrupt);

        Assert.Equal(NtStatus.STATUS_INSUFFICIENT_RESOURCES, status);
        Assert.Null(interrupt);
    }

    [Fact]
    public void IoConnectInterruptEx_at_DISPATCH_LEVEL_reports_NDMA1001()
    {
        _kit.Kernel.AttachDevice(_pdo);
        _kit.Kernel.SetInterruptResources(_pdo, new DeviceResources(false, [new InterruptMessage(0, 0)]));
        _kit.AtDispatch(() => _kit.Kernel.IoConnectInterruptEx(_pdo, Isr, null, out _));

        var violation = _kit.Single("NDMA1001");
        Assert.Contains("IoConnectInterruptEx called at IRQL = PASSIVE_LEVEL", violation.Expected);
        Assert.Equal("managing-hardware-priorities.md", violation.Page);
    }

    [Fact]
    public void IoDisconnectInterruptEx_stops_delivery_and_drops_pending_interrupts()
    {
        var bus = _kit.Kernel.AttachDevice(_pdo);
        _kit.Kernel.SetInterruptResources(_pdo, new DeviceResources(true, [new InterruptMessage(0, 0)]));
        _kit.Kernel.IoConnectInterruptEx(_pdo, Isr, null, out var interrupt);
        bus.RequestInterrupt(0);

        _kit.Kernel.IoDisconnectInterruptEx(interrupt!);

        Assert.Equal(0, _kit.Kernel.PendingInterruptCount);
        Assert.Equal(NtStatus.STATUS_SUCCESS, _kit.Kernel.IoConnectInterruptEx(_pdo, Isr, null, out _));
        Assert.Empty(_kit.Log.All);
        Assert.Equal(2, _kit.Log.Evaluations["NDMA3051"]); // Connected, disconnected, connected again: judged, silent.
    }

    [Fact]
    public void A_second_IoConnectInterruptEx_while_connected_reports_NDMA3051_and_fails()
    {
        Connect(new InterruptMessage(0, 0));

        var status = NtStatus.STATUS_SUCCESS;
        _kit.AtPassive(() => status = _kit.Kernel.IoConnectInterruptEx(_pdo, Isr, "again", out _));

        Assert.Equal(NtStatus.STATUS_INSUFFICIENT_RESOURCES, status);
        var violation = _kit.Single("NDMA3051");
        Assert.Null(violation.Page); // A kit rule: the corpus has no IoConnectInterruptEx page.
        Assert.Contains("Source: kit rule, no corpus page.", violation.Message);
        Assert.Contains(@"IoConnectInterruptEx(\Device\Pdo0) while the ISR connected before is still connected", violation.Actual);
    }

    [Fact]
    public void A_second_IoConnectInterruptEx_under_an_injected_connect_fault_is_still_NDMA3051()
    {
        Connect(new InterruptMessage(0, 0));
        _kit.Kernel.Faults = new ConformanceKit.Faults.FaultPlan(ConformanceKit.Faults.FaultSpec.Parse("connect-interrupt"), _kit.Log);

        _kit.AtPassive(() => _kit.Kernel.IoConnectInterruptEx(_pdo, Isr, "again", out _));

        Assert.Equal("NDMA3051", _kit.Single("NDMA3051").Rule.Id);
    }

    [Fact]
    public void An_ISR_that_throws_is_reported_as_NDMA2002()
    {
        var bus = _kit.Kernel.AttachDevice(_pdo);
        _kit.Kernel.SetInterruptResources(_pdo, new DeviceResources(true, [new InterruptMessage(0, 1)]));
        _kit.Kernel.IoConnectInterruptEx(_pdo, (_, _, _) => throw new InvalidOperationException("isr bug"), null, out _);

        bus.RequestInterrupt(0);
        _kit.Kernel.DeliverInterrupts();

        Assert.Contains("ISR (KMESSAGE_SERVICE_ROUTINE) on cpu1 threw InvalidOperationException: isr bug", _kit.Single("NDMA2002").Actual);
        Assert.Equal(Irql.PASSIVE_LEVEL, _kit.Kernel.GetProcessorIrql(1));
    }

    [Fact]
    public void SetInterruptResources_rejects_a_target_processor_that_does_not_exist()
    {
        _kit.Kernel.AttachDevice(_pdo);

        Assert.Throws<ArgumentException>(() =>
            _kit.Kernel.SetInterruptResources(_pdo, new DeviceResources(true, [new InterruptMessage(0, 9)])));
    }
}
