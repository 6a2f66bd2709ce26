using NetDma.ConformanceKit.Wdm;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.Wdm;

public sealed class AdapterChannelTests
{
    private readonly List<string> _calls = [];

    private DriverControl Control(AdapterTestKit kit, string name, IoAllocationAction action, List<MapRegisterBase>? bases = null) =>
        (device, irp, mapRegisterBase, context) =>
        {
            _calls.Add($"{name} {device} cpu{kit.Kit.Kernel.CurrentProcessor} {kit.IrqlNow.ToDdiName()} {context} irp={(irp is null ? "null" : irp.MdlAddress.ByteCount.ToString())}");
            bases?.Add(mapRegisterBase);
            return action;
        };

    [Fact]
    public void AllocateAdapterChannel_calls_AdapterControl_at_once_at_DISPATCH_LEVEL_with_the_CurrentIrp()
    {
        var kit = new AdapterTestKit();
        var (mdl, _) = kit.NewTransferBuffer(100);
        kit.Fdo.CurrentIrp = new Irp(mdl, true);
        var status = NtStatus.STATUS_UNSUCCESSFUL;
        var bases = new List<MapRegisterBase>();
        kit.Kit.AtDispatch(() => status = kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 2,
            Control(kit, "ac", IoAllocationAction.DeallocateObjectKeepRegisters, bases), "ctx"), cpu: 3);
        kit.Kit.AtDispatch(() => kit.Ops.FreeMapRegisters!(kit.Adapter, bases[0], 2));

        Assert.Equal(NtStatus.STATUS_SUCCESS, status);
        Assert.Equal([@"ac \Device\Fdo0 cpu3 DISPATCH_LEVEL ctx irp=100"], _calls);
        Assert.NotEqual(0UL, bases[0].Value);
        Assert.False(kit.Simulated.ChannelHeld);
        Assert.Contains("cpu3 DISPATCH_LEVEL system -> AdapterControl (DRIVER_CONTROL)", kit.Kit.Log.Trace.Tail(50));
        Assert.Empty(kit.Kit.Log.All);
    }

    [Fact]
    public void A_request_for_a_busy_channel_waits_and_runs_with_its_own_IRP_when_FreeAdapterChannel_releases_it()
    {
        var kit = new AdapterTestKit(master: false);
        var other = new DeviceObject(@"\Device\Fdo1");
        var (mdlA, _) = kit.NewTransferBuffer(10);
        var (mdlB, _) = kit.NewTransferBuffer(20);
        kit.AtDispatch(() =>
        {
            kit.Fdo.CurrentIrp = new Irp(mdlA, true);
            Assert.Equal(NtStatus.STATUS_SUCCESS, kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 1, Control(kit, "A", IoAllocationAction.KeepObject), null));
            other.CurrentIrp = new Irp(mdlB, false);
            Assert.Equal(NtStatus.STATUS_SUCCESS, kit.Ops.AllocateAdapterChannel!(kit.Adapter, other, 1, Control(kit, "B", IoAllocationAction.KeepObject), null));
            other.CurrentIrp = null;
            Assert.Equal(1, kit.Simulated.WaitingRequestCount);
            kit.Ops.FreeAdapterChannel!(kit.Adapter);
        });

        Assert.Equal(2, _calls.Count);
        Assert.EndsWith(@"irp=20", _calls[1]);
        Assert.StartsWith(@"B \Device\Fdo1", _calls[1]);
        Assert.True(kit.Simulated.ChannelHeld);
        kit.AtDispatch(() => kit.Ops.FreeAdapterChannel!(kit.Adapter));
        Assert.False(kit.Simulated.ChannelHeld);
        Assert.Empty(kit.Kit.Log.All);
    }

    [Fact]
    public void A_second_AllocateAdapterChannel_for_a_device_whose_request_still_waits_reports_NDMA4001_and_is_not_queued()
    {
        var kit = new AdapterTestKit(master: false);
        kit.AtDispatch(() =>
        {
            kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 1, Control(kit, "first", IoAllocationAction.KeepObject), null);
            kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 1, Control(kit, "waiting", IoAllocationAction.KeepObject), null);
            var status = kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 1, Control(kit, "third", IoAllocationAction.KeepObject), null);
            Assert.Equal(NtStatus.STATUS_INSUFFICIENT_RESOURCES, status);
        });

        var violation = kit.Kit.Single("NDMA4001");
        Assert.Contains(@"a second AllocateAdapterChannel(adapter#1, \Device\Fdo0)", violation.Actual);
        Assert.Equal("nc-wdm-pallocate_adapter_channel.md", violation.Page);
        Assert.Equal(1, kit.Simulated.WaitingRequestCount);
        kit.AtDispatch(() => kit.Ops.FreeAdapterChannel!(kit.Adapter));
        Assert.Equal(["first", "waiting"], _calls.Select(c => c.Split(' ')[0]));
    }

    [Fact]
    public void AllocateAdapterChannel_from_inside_AdapterControl_reports_NDMA4002_and_is_refused()
    {
        var kit = new AdapterTestKit();
        var inner = NtStatus.STATUS_SUCCESS;
        kit.AtDispatch(() => kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 1, (device, _, _, _) =>
        {
            inner = kit.Ops.AllocateAdapterChannel!(kit.Adapter, device, 1, Control(kit, "nested", IoAllocationAction.DeallocateObject), null);
            return IoAllocationAction.DeallocateObject;
        }, null));

        Assert.Equal(NtStatus.STATUS_INSUFFICIENT_RESOURCES, inner);
        Assert.Empty(_calls);
        var violation = kit.Kit.Single("NDMA4002");
        Assert.Contains("AllocateAdapterChannel(adapter#1, \\Device\\Fdo0) called inside AdapterControl (DRIVER_CONTROL)", violation.Actual);
    }

    [Fact]
    public void AllocateAdapterChannel_above_the_IoGetDmaAdapter_maximum_reports_NDMA4003_and_does_not_call_AdapterControl()
    {
        var kit = new AdapterTestKit(maximumLength: 4096);
        var status = NtStatus.STATUS_SUCCESS;
        kit.AtDispatch(() => status = kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 3, Control(kit, "ac", IoAllocationAction.DeallocateObject), null));

        Assert.Equal(NtStatus.STATUS_INSUFFICIENT_RESOURCES, status);
        Assert.Empty(_calls);
        var violation = kit.Kit.Single("NDMA4003");
        Assert.Contains("NumberOfMapRegisters <= 2", violation.Expected);
        Assert.Contains("NumberOfMapRegisters = 3", violation.Actual);
        Assert.Equal("nc-wdm-pallocate_adapter_channel.md", violation.Page);
    }

    [Fact]
    public void AllocateAdapterChannel_at_PASSIVE_LEVEL_reports_NDMA1001_with_its_page()
    {
        var kit = new AdapterTestKit();
        kit.Kit.AtPassive(() => kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 1, Control(kit, "ac", IoAllocationAction.DeallocateObject), null));

        var violation = kit.Kit.Single("NDMA1001");
        Assert.Contains("AllocateAdapterChannel called at IRQL = DISPATCH_LEVEL", violation.Expected);
        Assert.Contains("PASSIVE_LEVEL", violation.Actual);
        Assert.Equal("nc-wdm-pallocate_adapter_channel.md", violation.Page);
    }

    [Fact]
    public void A_bus_master_AdapterControl_returning_KeepObject_reports_NDMA4008()
    {
        var kit = new AdapterTestKit(master: true);
        kit.AtDispatch(() =>
        {
            kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 1, Control(kit, "ac", IoAllocationAction.KeepObject), null);
            kit.Ops.FreeAdapterChannel!(kit.Adapter);
        });

        var violation = kit.Kit.Single("NDMA4008");
        Assert.Contains("returned KeepObject", violation.Actual);
        Assert.Equal("nc-wdm-driver_control.md", violation.Page);
    }

    [Fact]
    public void A_system_DMA_AdapterControl_returning_KeepObject_then_FreeAdapterChannel_is_silent()
    {
        var kit = new AdapterTestKit(master: false);
        kit.AtDispatch(() =>
        {
            kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 1, Control(kit, "ac", IoAllocationAction.KeepObject), null);
            kit.Ops.FreeAdapterChannel!(kit.Adapter);
        });

        Assert.Empty(kit.Kit.Log.All);
    }

    [Fact]
    public void FreeAdapterChannel_without_KeepObject_reports_NDMA4005()
    {
        var kit = new AdapterTestKit();
        kit.AtDispatch(() =>
        {
            kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 1, Control(kit, "ac", IoAllocationAction.DeallocateObject), null);
            kit.Ops.FreeAdapterChannel!(kit.Adapter);
        });

        var violation = kit.Kit.Single("NDMA4005");
        Assert.Contains("no adapter channel is held", violation.Actual);
        Assert.Equal("nc-wdm-pfree_adapter_channel.md", violation.Page);
    }

    [Fact]
    public void FreeMapRegisters_twice_reports_NDMA4005()
    {
        var kit = new AdapterTestKit();
        var bases = new List<MapRegisterBase>();
        kit.AtDispatch(() =>
        {
            kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 2, Control(kit, "ac", IoAllocationAction.DeallocateObjectKeepRegisters, bases), null);
            kit.Ops.FreeMapRegisters!(kit.Adapter, bases[0], 2);
            kit.Ops.FreeMapRegisters!(kit.Adapter, bases[0], 2);
        });

        var violation = kit.Kit.Single("NDMA4005");
        Assert.Contains("which were already freed", violation.Actual);
        Assert.Equal("nc-wdm-pfree_map_registers.md", violation.Page);
    }

    [Fact]
    public void FreeMapRegisters_after_DeallocateObject_reports_NDMA4005()
    {
        var kit = new AdapterTestKit();
        var bases = new List<MapRegisterBase>();
        kit.AtDispatch(() =>
        {
            kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 2, Control(kit, "ac", IoAllocationAction.DeallocateObject, bases), null);
            kit.Ops.FreeMapRegisters!(kit.Adapter, bases[0], 2);
        });

        Assert.Contains("already freed by the I/O manager, because AdapterControl returned DeallocateObject", kit.Kit.Single("NDMA4005").Actual);
    }

    [Fact]
    public void FreeMapRegisters_with_the_wrong_count_reports_NDMA4005_and_still_frees()
    {
        var kit = new AdapterTestKit();
        var bases = new List<MapRegisterBase>();
        kit.AtDispatch(() =>
        {
            kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 2, Control(kit, "ac", IoAllocationAction.DeallocateObjectKeepRegisters, bases), null);
            kit.Ops.FreeMapRegisters!(kit.Adapter, bases[0], 1);
        });

        Assert.Contains("NumberOfMapRegisters = 1) for 2 map registers", kit.Kit.Single("NDMA4005").Actual);
        Assert.Empty(kit.Simulated.OutstandingResources());
    }

    [Fact]
    public void FreeMapRegisters_of_a_base_never_granted_reports_NDMA4005()
    {
        var kit = new AdapterTestKit();
        kit.AtDispatch(() => kit.Ops.FreeMapRegisters!(kit.Adapter, new MapRegisterBase(42), 1));

        Assert.Contains("never granted", kit.Kit.Single("NDMA4005").Actual);
    }

    [Fact]
    public void PutDmaAdapter_with_map_registers_kept_reports_NDMA4007()
    {
        var kit = new AdapterTestKit();
        kit.AtDispatch(() =>
        {
            kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 2, Control(kit, "ac", IoAllocationAction.DeallocateObjectKeepRegisters), null);
            kit.Ops.PutDmaAdapter!(kit.Adapter);
        });

        Assert.Contains(@"map registers mapregs#", kit.Kit.Single("NDMA4007").Actual);
    }

    [Fact]
    public void AllocateAdapterChannelEx_synchronous_on_a_busy_channel_fails_and_invalid_parameters_are_STATUS_INVALID_PARAMETER_and_NDMA4029()
    {
        var kit = new AdapterTestKit(master: false, version: DeviceDescription.DEVICE_DESCRIPTION_VERSION3);
        var statuses = new List<NtStatus>();
        kit.AtDispatch(() =>
        {
            statuses.Add(kit.Ops.AllocateAdapterChannelEx!(kit.Adapter, kit.Fdo, new object(), 1, SimulatedDmaAdapter.DMA_SYNCHRONOUS_CALLBACK,
                Control(kit, "sync", IoAllocationAction.KeepObject), null, out _));
            statuses.Add(kit.Ops.AllocateAdapterChannelEx!(kit.Adapter, new DeviceObject("other"), new object(), 1, SimulatedDmaAdapter.DMA_SYNCHRONOUS_CALLBACK,
                Control(kit, "busy", IoAllocationAction.KeepObject), null, out _));
            statuses.Add(kit.Ops.AllocateAdapterChannelEx!(kit.Adapter, kit.Fdo, new object(), 1, 0x8,
                Control(kit, "flags", IoAllocationAction.KeepObject), null, out _));
            statuses.Add(kit.Ops.AllocateAdapterChannelEx!(kit.Adapter, kit.Fdo, new object(), 1, 0, null, null, out _));
            kit.Ops.FreeAdapterChannel!(kit.Adapter);
        });

        Assert.Equal([NtStatus.STATUS_SUCCESS, NtStatus.STATUS_INSUFFICIENT_RESOURCES, NtStatus.STATUS_INVALID_PARAMETER, NtStatus.STATUS_INVALID_PARAMETER], statuses);
        Assert.Equal(["sync"], _calls.Select(c => c.Split(' ')[0]));
        var violations = kit.Kit.Log.All;
        Assert.All(violations, v => Assert.Equal("NDMA4029", v.Rule.Id));
        Assert.Collection(violations,
            flags => Assert.Contains("Flags = 0x8, bits 0x8 of which the page does not support", flags.Actual),
            noRoutine => Assert.Contains("no ExecutionRoutine and without DMA_SYNCHRONOUS_CALLBACK", noRoutine.Actual));
        Assert.All(violations, v => Assert.Equal("nc-wdm-pallocate_adapter_channel_ex.md", v.Page));
    }

    [Fact]
    public void An_AdapterControl_that_throws_releases_the_channel_and_the_exception_propagates()
    {
        var kit = new AdapterTestKit();
        Assert.Throws<InvalidOperationException>(() => kit.AtDispatch(() =>
            kit.Ops.AllocateAdapterChannel!(kit.Adapter, kit.Fdo, 1, (_, _, _, _) => throw new InvalidOperationException("ac bug"), null)));

        Assert.False(kit.Simulated.ChannelHeld);
        Assert.Empty(kit.Simulated.OutstandingResources());
        Assert.Equal(0, kit.Kit.Kernel.CallDepth);
    }
}
