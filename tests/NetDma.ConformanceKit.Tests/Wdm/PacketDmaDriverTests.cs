using NetDma.ConformanceKit.Kernel;
using NetDma.ConformanceKit.Memory;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.Kernel;
using NetDma.Contracts.Platform;
using NetDma.Contracts.Status;
using NetDma.Contracts.Wdm;

namespace NetDma.ConformanceKit.Tests.Wdm;

/// <summary>
/// A tiny packet-based bus-master driver and its device, run end to end: StartIo allocates the adapter channel,
/// AdapterControl maps the IRP's buffer and starts the engine, the engine copies the bytes and interrupts, the ISR
/// queues a DPC, the DPC flushes, frees the map registers, completes the IRP and starts the next one.
/// </summary>
public sealed class PacketDmaDriverTests
{
    private sealed class LoopbackDriver
    {
        private readonly AdapterTestKit _kit;
        private readonly DeviceBus _bus;
        private readonly KDpc _dpc = new();
        private readonly bool _skipFlush;
        private (PhysicalAddress Address, uint Length)? _programmed;
        private MapRegisterBase _mapRegisterBase;
        private uint _registers;

        public LoopbackDriver(AdapterTestKit kit, MemoryBuffer deviceSink, bool skipFlush)
        {
            _kit = kit;
            _skipFlush = skipFlush;
            _bus = kit.Kit.Kernel.AttachDevice(new DeviceObject(@"\Device\Loopback"));
            kit.Kit.Kernel.SetInterruptResources(_bus.Device, new DeviceResources(true, [new InterruptMessage(0, 2)]));
            kit.Kit.Kernel.KeInitializeDpc(_dpc, Dpc, null);
            kit.Kit.AtPassive(() => Assert.Equal(NtStatus.STATUS_SUCCESS,
                kit.Kit.Kernel.IoConnectInterruptEx(_bus.Device, Isr, null, out _)));
            _bus.AttachEngine(new Kernel.TestEngine(() =>
            {
                if (_programmed is not { } job)
                {
                    return false;
                }

                // The adapter is the PDO's: the buffer is read at MapTransfer's logical address through the PDO's bus;
                // the sink stands for the device's own store, written at its physical address by a device without one.
                var bytes = new byte[job.Length];
                _kit.Bus.DmaRead(job.Address, bytes);
                _bus.DmaWrite(deviceSink.PhysicalBase, bytes);
                _programmed = null;
                _bus.RequestInterrupt(0);
                return true;
            }));
        }

        public void StartIo(DeviceObject fdo, Irp irp)
        {
            _registers = SimulatedRegisters(irp.MdlAddress.ByteCount);
            var status = _kit.Ops.AllocateAdapterChannel!(_kit.Adapter, fdo, _registers, AdapterControl, null);
            Assert.Equal(NtStatus.STATUS_SUCCESS, status);
        }

        private static uint SimulatedRegisters(uint bytes) => ((bytes + 4095) / 4096) + 1;

        private IoAllocationAction AdapterControl(DeviceObject device, Irp? irp, MapRegisterBase mapRegisterBase, object? context)
        {
            _mapRegisterBase = mapRegisterBase;
            var length = irp!.MdlAddress.ByteCount;
            var logical = _kit.Ops.MapTransfer!(_kit.Adapter, irp.MdlAddress, mapRegisterBase, irp.MdlAddress.StartVa, ref length, irp.WriteToDevice);
            _programmed = (logical, length);
            return IoAllocationAction.DeallocateObjectKeepRegisters;
        }

        private bool Isr(KInterrupt interrupt, object? context, uint messageId)
        {
            _kit.Kit.Kernel.KeInsertQueueDpc(_dpc, null, null);
            return true;
        }

        private void Dpc(KDpc dpc, object? context, object? a1, object? a2)
        {
            var irp = _kit.Fdo.CurrentIrp!;
            if (!_skipFlush)
            {
                _kit.Ops.FlushAdapterBuffers!(_kit.Adapter, irp.MdlAddress, _mapRegisterBase, irp.MdlAddress.StartVa, irp.MdlAddress.ByteCount, irp.WriteToDevice);
            }

            _kit.Ops.FreeMapRegisters!(_kit.Adapter, _mapRegisterBase, _registers);
            _kit.Kit.Kernel.IoCompleteRequest(irp, NtStatus.STATUS_SUCCESS, irp.MdlAddress.ByteCount);
            _kit.Kit.Kernel.IoStartNextPacket(_kit.Fdo);
        }
    }

    private static (AdapterTestKit Kit, MemoryBuffer Sink, LoopbackDriver Driver, Irp[] Irps) Run(bool skipFlush)
    {
        var kit = new AdapterTestKit(maximumLength: 8192);
        var sink = kit.Kit.Kernel.Memory.Allocate("sink", 8192, MemoryKind.Data);
        var driver = new LoopbackDriver(kit, sink, skipFlush);
        var irps = new[] { 1000u, 5000u }.Select((bytes, i) =>
        {
            var (mdl, buffer) = kit.NewTransferBuffer(bytes, $"src{i}");
            kit.Kit.Kernel.Memory.Fill(buffer, (byte)(0x10 + i));
            return new Irp(mdl, writeToDevice: true);
        }).ToArray();
        foreach (var irp in irps)
        {
            kit.Kit.Kernel.StartPacket(kit.Fdo, irp, driver.StartIo);
        }

        var run = kit.Kit.Kernel.RunHardware(100);
        Assert.True(run.Idle);
        return (kit, sink, driver, irps);
    }

    [Fact]
    public void A_correct_packet_DMA_driver_moves_every_IRP_and_no_rule_fires()
    {
        var (kit, sink, _, irps) = Run(skipFlush: false);
        kit.Kit.AtPassive(() => kit.Ops.PutDmaAdapter!(kit.Adapter));

        Assert.Equal(irps, kit.Kit.Kernel.CompletedIrps);
        Assert.All(irps, irp => Assert.Equal(NtStatus.STATUS_SUCCESS, irp.CompletionStatus));
        Assert.All(kit.Kit.Kernel.Memory.ReadBytes(sink, 0, 5000), b => Assert.Equal(0x11, b));
        Assert.Null(kit.Fdo.CurrentIrp);
        Assert.Equal(0, kit.Kit.Kernel.CheckDmaAdaptersPut("Loopback"));
        Assert.Equal(0, kit.Kit.Kernel.CheckNoPoolLeaks("Loopback"));
        Assert.Empty(kit.Kit.Log.All);
    }

    [Fact]
    public void The_same_driver_without_FlushAdapterBuffers_reports_NDMA4004_once_per_IRP()
    {
        var (kit, _, _, irps) = Run(skipFlush: true);

        Assert.Equal(irps.Length, kit.Kit.Log.All.Count);
        Assert.All(kit.Kit.Log.All, v => Assert.Equal("NDMA4004", v.Rule.Id));
        Assert.All(kit.Kit.Log.All, v => Assert.Contains("cpu2 DISPATCH_LEVEL system -> DPC (KDEFERRED_ROUTINE)", string.Join("\n", v.CallSequence)));
    }
}
