using NetDma.ConformanceKit.Kernel;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;

namespace NetDma.ConformanceKit.Tests.Kernel;

public sealed class DpcTests
{
    private readonly KernelTestKit _kit = new();
    private readonly List<string> _runs = [];

    private KDeferredRoutine Recorder(string name) => (_, context, a1, _) =>
        _runs.Add($"{name} cpu{_kit.Kernel.CurrentProcessor} {_kit.Kernel.CurrentIrql.ToDdiName()} {context} {a1}");

    private KDpc NewDpc(string name, byte? target = null)
    {
        var dpc = new KDpc();
        _kit.Kernel.KeInitializeDpc(dpc, Recorder(name), name + "-ctx");
        if (target is { } cpu)
        {
            _kit.Kernel.KeSetTargetProcessorDpc(dpc, cpu);
        }

        return dpc;
    }

    [Fact]
    public void DrainDpcs_runs_a_targeted_DPC_on_its_target_processor_at_DISPATCH_LEVEL()
    {
        var dpc = NewDpc("a", target: 3);
        _kit.AtDispatch(() => Assert.True(_kit.Kernel.KeInsertQueueDpc(dpc, "arg1", null)), cpu: 1);

        Assert.Equal(1, _kit.Kernel.DrainDpcs());

        Assert.Equal(["a cpu3 DISPATCH_LEVEL a-ctx arg1"], _runs);
        Assert.Contains("cpu3 DISPATCH_LEVEL system -> DPC (KDEFERRED_ROUTINE)", _kit.Log.Trace.Tail());
        Assert.Empty(_kit.Log.All);
    }

    [Fact]
    public void DrainDpcs_runs_an_untargeted_DPC_on_the_processor_that_queued_it()
    {
        var dpc = NewDpc("a");
        _kit.AtDispatch(() => _kit.Kernel.KeInsertQueueDpc(dpc, null, null), cpu: 2);

        _kit.Kernel.DrainDpcs();

        Assert.Equal(["a cpu2 DISPATCH_LEVEL a-ctx "], _runs);
    }

    [Fact]
    public void DrainDpcs_runs_each_queue_in_FIFO_order_processors_ascending()
    {
        var b1 = NewDpc("b1", target: 1);
        var a0 = NewDpc("a0", target: 0);
        var b2 = NewDpc("b2", target: 1);
        var a1 = NewDpc("a1", target: 0);
        _kit.AtDispatch(() =>
        {
            foreach (var dpc in new[] { b1, a0, b2, a1 })
            {
                _kit.Kernel.KeInsertQueueDpc(dpc, null, null);
            }
        });

        Assert.Equal(4, _kit.Kernel.DrainDpcs());

        Assert.Equal(["a0", "a1", "b1", "b2"], _runs.Select(r => r.Split(' ')[0]));
    }

    [Fact]
    public void DrainDpcs_also_runs_DPCs_queued_while_draining()
    {
        var second = NewDpc("second", target: 0);
        var first = new KDpc();
        _kit.Kernel.KeInitializeDpc(first, (_, _, _, _) =>
        {
            _runs.Add("first");
            _kit.Kernel.KeInsertQueueDpc(second, null, null);
        }, null);
        _kit.Kernel.KeSetTargetProcessorDpc(first, 2);
        _kit.AtDispatch(() => _kit.Kernel.KeInsertQueueDpc(first, null, null));

        Assert.Equal(2, _kit.Kernel.DrainDpcs());

        Assert.Equal(["first", "second cpu0 DISPATCH_LEVEL second-ctx "], _runs);
    }

    [Fact]
    public void KeInsertQueueDpc_of_a_queued_DPC_returns_false_and_it_runs_once()
    {
        var dpc = NewDpc("a");
        _kit.AtDispatch(() =>
        {
            Assert.True(_kit.Kernel.KeInsertQueueDpc(dpc, 1, null));
            Assert.False(_kit.Kernel.KeInsertQueueDpc(dpc, 2, null));
        });

        Assert.Equal(1, _kit.Kernel.DrainDpcs());
        Assert.Equal(["a cpu0 DISPATCH_LEVEL a-ctx 1"], _runs);
        Assert.Empty(_kit.Log.All);
    }

    [Fact]
    public void DpcStarted_reports_each_DPC_with_the_processor_it_runs_on()
    {
        var started = new List<(KDpc, uint)>();
        _kit.Kernel.DpcStarted += (dpc, cpu) => started.Add((dpc, cpu));
        var dpc = NewDpc("a", target: 2);
        _kit.AtDispatch(() => _kit.Kernel.KeInsertQueueDpc(dpc, null, null));

        _kit.Kernel.DrainDpcs();

        Assert.Equal([(dpc, 2u)], started);
    }

    [Fact]
    public void KeInsertQueueDpc_of_an_uninitialized_DPC_reports_NDMA1008_with_its_page_and_queues_nothing()
    {
        _kit.AtDispatch(() => Assert.False(_kit.Kernel.KeInsertQueueDpc(new KDpc(), null, null)));

        var violation = _kit.Single("NDMA1008");
        Assert.Contains("a DPC initialized with KeInitializeDpc", violation.Expected);
        Assert.Contains("KeInsertQueueDpc", violation.Actual);
        Assert.Equal("nf-wdm-keinsertqueuedpc.md", violation.Page);
        Assert.Equal(0, _kit.Kernel.DrainDpcs());
    }

    [Fact]
    public void KeSetTargetProcessorDpc_of_an_uninitialized_DPC_reports_NDMA1008_with_its_page()
    {
        _kit.Kernel.KeSetTargetProcessorDpc(new KDpc(), 1);

        var violation = _kit.Single("NDMA1008");
        Assert.Contains("KeSetTargetProcessorDpc with a KDPC never passed to KeInitializeDpc", violation.Actual);
        Assert.Equal("nf-ntddk-kesettargetprocessordpc.md", violation.Page);
    }

    [Fact]
    public void KeSetTargetProcessorDpc_with_an_inactive_processor_reports_NDMA3029_and_keeps_the_target()
    {
        var dpc = NewDpc("a", target: 1);
        _kit.Kernel.KeSetTargetProcessorDpc(dpc, 4);

        var violation = _kit.Single("NDMA3029");
        Assert.Contains("KeSetTargetProcessorDpc", violation.Actual);
        Assert.Contains("Number = 4", violation.Actual);
        Assert.Contains("the target stays cpu1", violation.Actual);
        Assert.Equal("nf-ntddk-kesettargetprocessordpc.md", violation.Page);

        _kit.AtDispatch(() => _kit.Kernel.KeInsertQueueDpc(dpc, null, null));
        _kit.Kernel.DrainDpcs();
        Assert.Equal(["a cpu1 DISPATCH_LEVEL a-ctx "], _runs);
    }

    [Fact]
    public void KeSetTargetProcessorDpc_after_queuing_does_not_move_the_queued_DPC()
    {
        var dpc = NewDpc("a", target: 1);
        _kit.AtDispatch(() => _kit.Kernel.KeInsertQueueDpc(dpc, null, null));
        _kit.Kernel.KeSetTargetProcessorDpc(dpc, 3);

        _kit.Kernel.DrainDpcs();

        Assert.Equal(["a cpu1 DISPATCH_LEVEL a-ctx "], _runs);
    }

    [Fact]
    public void DrainDpcs_stops_a_DPC_that_requeues_itself_forever_with_NDMA2003()
    {
        var dpc = new KDpc();
        _kit.Kernel.KeInitializeDpc(dpc, (self, _, _, _) => _kit.Kernel.KeInsertQueueDpc(self, null, null), null);
        _kit.AtDispatch(() => _kit.Kernel.KeInsertQueueDpc(dpc, null, null));

        Assert.Equal(SimulatedKernel.DpcRunBudget, _kit.Kernel.DrainDpcs());

        var violation = _kit.Single("NDMA2003");
        Assert.Contains("dpc#1", violation.Actual);
        Assert.Equal(0, _kit.Kernel.QueuedDpcCount(0));
    }

    [Fact]
    public void A_DPC_routine_that_throws_is_reported_as_NDMA2002_and_the_drain_goes_on()
    {
        var bad = new KDpc();
        _kit.Kernel.KeInitializeDpc(bad, (_, _, _, _) => throw new InvalidOperationException("oops"), null);
        var good = NewDpc("good");
        _kit.AtDispatch(() =>
        {
            _kit.Kernel.KeInsertQueueDpc(bad, null, null);
            _kit.Kernel.KeInsertQueueDpc(good, null, null);
        });

        Assert.Equal(2, _kit.Kernel.DrainDpcs());

        var violation = _kit.Single("NDMA2002");
        Assert.Contains("DPC (KDEFERRED_ROUTINE) on cpu0 threw InvalidOperationException: oops", violation.Actual);
        Assert.Single(_runs);
        Assert.Equal(Irql.PASSIVE_LEVEL, _kit.Kernel.GetProcessorIrql(0));
    }
}
