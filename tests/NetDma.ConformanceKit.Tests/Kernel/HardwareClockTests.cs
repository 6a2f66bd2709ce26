using NetDma.ConformanceKit.Memory;
using NetDma.Contracts.Kernel;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.Kernel;

public sealed class HardwareClockTests
{
    private readonly KernelTestKit _kit = new();

    [Fact]
    public void RunHardware_with_no_engines_is_idle_at_once()
    {
        var run = _kit.Kernel.RunHardware(10);

        Assert.Equal(0, run.StepsTaken);
        Assert.True(run.Idle);
    }

    [Fact]
    public void RunHardware_steps_engines_round_robin_and_stops_when_a_round_does_no_work()
    {
        var order = new List<string>();
        var aWork = 3;
        var bWork = 1;
        var busA = _kit.Kernel.AttachDevice(new DeviceObject("A"));
        var busB = _kit.Kernel.AttachDevice(new DeviceObject("B"));
        busA.AttachEngine(new TestEngine(() => { order.Add("A"); return aWork-- > 0; }));
        busB.AttachEngine(new TestEngine(() => { order.Add("B"); return bWork-- > 0; }));

        var run = _kit.Kernel.RunHardware(100);

        Assert.True(run.Idle);
        Assert.Equal(8, run.StepsTaken);
        Assert.Equal(["A", "B", "A", "B", "A", "B", "A", "B"], order);
    }

    [Fact]
    public void RunHardware_stops_at_maxSteps_when_the_engine_never_idles()
    {
        var engine = new TestEngine(() => true);
        _kit.Kernel.AttachDevice(new DeviceObject("busy")).AttachEngine(engine);

        var run = _kit.Kernel.RunHardware(25);

        Assert.False(run.Idle);
        Assert.Equal(25, run.StepsTaken);
        Assert.Equal(25, engine.Steps);
    }

    [Fact]
    public void RunHardware_delivers_interrupts_after_each_step_and_drains_DPCs()
    {
        var pdo = new DeviceObject(@"\Device\Nic0");
        var bus = _kit.Kernel.AttachDevice(pdo);
        _kit.Kernel.SetInterruptResources(pdo, new DeviceResources(true, [new InterruptMessage(0, 2)]));
        var dpc = new KDpc();
        var log = new List<string>();
        _kit.Kernel.KeInitializeDpc(dpc, (_, _, _, _) => log.Add($"dpc cpu{_kit.Kernel.CurrentProcessor}"), null);
        _kit.Kernel.IoConnectInterruptEx(pdo, (_, _, _) =>
        {
            log.Add($"isr cpu{_kit.Kernel.CurrentProcessor}");
            _kit.Kernel.KeInsertQueueDpc(dpc, null, null);
            return true;
        }, null, out _);
        var work = 2;
        bus.AttachEngine(new TestEngine(() =>
        {
            if (work-- <= 0)
            {
                return false;
            }

            log.Add("step");
            bus.RequestInterrupt(0);
            return true;
        }));

        var run = _kit.Kernel.RunHardware(100);

        Assert.True(run.Idle);
        Assert.Equal(2, run.InterruptsDelivered);
        Assert.Equal(2, run.DpcsRun);
        Assert.Equal(["step", "isr cpu2", "dpc cpu2", "step", "isr cpu2", "dpc cpu2"], log);
        Assert.Empty(_kit.Log.All);
    }

    [Fact]
    public void An_engine_calling_a_kernel_routine_is_reported_as_NDMA1001_in_hardware_context_and_refused()
    {
        var spinLock = new KSpinLock();
        var done = false;
        _kit.Kernel.AttachDevice(new DeviceObject("bad")).AttachEngine(new TestEngine(() =>
        {
            if (done)
            {
                return false;
            }

            done = true;
            _kit.Kernel.KeAcquireSpinLock(spinLock, out _);
            return true;
        }));

        _kit.Kernel.RunHardware(10);

        var violation = _kit.Single("NDMA1001");
        Assert.Contains("KeAcquireSpinLock called from hardware context", violation.Actual);
        Assert.All(Enumerable.Range(0, 4), cpu => Assert.Equal(Contracts.Annotations.Irql.PASSIVE_LEVEL, _kit.Kernel.GetProcessorIrql((uint)cpu)));
        Assert.False(_kit.Kernel.InHardwareContext);
    }

    [Fact]
    public void Engine_DMA_goes_through_physical_memory_with_the_device_as_initiator()
    {
        var buffer = _kit.Kernel.Memory.Allocate("dst", 64, MemoryKind.Data);
        var bus = _kit.Kernel.AttachDevice(new DeviceObject(@"\Device\Dma7"));
        var steps = 0;
        bus.AttachEngine(new TestEngine(() =>
        {
            if (steps++ > 0)
            {
                return false;
            }

            Assert.True(bus.DmaWrite(buffer.PhysicalAt(60), [1, 2, 3, 4]));
            Assert.False(bus.DmaWrite(buffer.PhysicalAt(62), [5, 6, 7, 8]));
            return true;
        }));

        _kit.Kernel.RunHardware(10);

        Assert.Equal(new byte[] { 1, 2, 3, 4 }, _kit.Kernel.Memory.ReadBytes(buffer, 60, 4));
        var violation = _kit.Single("NDMA5001");
        Assert.Contains(@"\Device\Dma7 DMA write of 4 bytes", violation.Actual);
        Assert.Contains("2 bytes past the end of buffer 'dst'", violation.Actual);
    }

    [Fact]
    public void An_engine_that_throws_is_reported_as_NDMA2002_and_the_run_ends_idle()
    {
        _kit.Kernel.AttachDevice(new DeviceObject("crash")).AttachEngine(new TestEngine(() => throw new InvalidOperationException("engine bug")));

        var run = _kit.Kernel.RunHardware(10);

        Assert.True(run.Idle);
        Assert.Contains("engine bug", _kit.Single("NDMA2002").Actual);
    }
}
