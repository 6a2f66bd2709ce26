using NetDma.ConformanceKit.Memory;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.Kernel;

public sealed class IoManagerTests
{
    private readonly KernelTestKit _kit = new();
    private readonly DeviceObject _fdo = new(@"\Device\Fdo0");
    private readonly List<string> _started = [];

    private Irp NewIrp(string name)
    {
        var buffer = _kit.Kernel.Memory.Allocate(name, 512, MemoryKind.Data);
        return new Irp(new Mdl(buffer.VirtualBase, buffer.PhysicalBase, 512), writeToDevice: true);
    }

    private void StartIo(DeviceObject fdo, Irp irp)
    {
        Assert.Same(irp, fdo.CurrentIrp);
        _started.Add($"cpu{_kit.Kernel.CurrentProcessor} {_kit.Kernel.CurrentIrql.ToDdiName()} {irp.MdlAddress.StartVa}");
    }

    [Fact]
    public void StartPacket_calls_StartIo_at_DISPATCH_LEVEL_on_processor_0_and_queues_behind_the_current_IRP()
    {
        var first = NewIrp("a");
        var second = NewIrp("b");

        _kit.Kernel.StartPacket(_fdo, first, StartIo);
        _kit.Kernel.StartPacket(_fdo, second, StartIo);

        Assert.Equal([$"cpu0 DISPATCH_LEVEL {first.MdlAddress.StartVa}"], _started);
        Assert.Same(first, _fdo.CurrentIrp);
        Assert.Equal(1, _kit.Kernel.QueuedIrpCount(_fdo));
        Assert.Contains("cpu0 DISPATCH_LEVEL system -> StartIo (DRIVER_STARTIO)", _kit.Log.Trace.Tail());
    }

    [Fact]
    public void IoStartNextPacket_starts_the_next_IRP_then_clears_CurrentIrp_and_IoCompleteRequest_records_completions()
    {
        var first = NewIrp("a");
        var second = NewIrp("b");
        _kit.Kernel.StartPacket(_fdo, first, StartIo);
        _kit.Kernel.StartPacket(_fdo, second, StartIo);

        _kit.AtDispatch(() =>
        {
            _kit.Kernel.IoCompleteRequest(first, NtStatus.STATUS_SUCCESS, 512);
            _kit.Kernel.IoStartNextPacket(_fdo);
        }, cpu: 2);
        Assert.Same(second, _fdo.CurrentIrp);
        _kit.AtDispatch(() =>
        {
            _kit.Kernel.IoCompleteRequest(second, NtStatus.STATUS_CANCELLED, 0);
            _kit.Kernel.IoStartNextPacket(_fdo);
        });

        Assert.Null(_fdo.CurrentIrp);
        Assert.Equal(2, _started.Count);
        Assert.StartsWith("cpu2 DISPATCH_LEVEL", _started[1]);
        Assert.Equal([first, second], _kit.Kernel.CompletedIrps);
        Assert.Equal(NtStatus.STATUS_SUCCESS, first.CompletionStatus);
        Assert.Equal(512UL, first.Information);
        Assert.Equal(NtStatus.STATUS_CANCELLED, second.CompletionStatus);
        Assert.Empty(_kit.Log.All);
    }

    [Fact]
    public void IoCompleteRequest_twice_keeps_the_first_completion()
    {
        var irp = NewIrp("a");
        _kit.Kernel.IoCompleteRequest(irp, NtStatus.STATUS_SUCCESS, 10);
        _kit.Kernel.IoCompleteRequest(irp, NtStatus.STATUS_UNSUCCESSFUL, 0);

        Assert.Equal([irp], _kit.Kernel.CompletedIrps);
        Assert.Equal(NtStatus.STATUS_SUCCESS, irp.CompletionStatus);
        Assert.Equal(10UL, irp.Information);
    }

    [Fact]
    public void IoStartNextPacket_at_PASSIVE_LEVEL_reports_NDMA1001()
    {
        _kit.AtPassive(() => _kit.Kernel.IoStartNextPacket(_fdo));

        var violation = _kit.Single("NDMA1001");
        Assert.Contains("IoStartNextPacket called at IRQL = DISPATCH_LEVEL", violation.Expected);
        Assert.Contains("PASSIVE_LEVEL", violation.Actual);
    }
}
