using NetDma.Contracts.Platform;
using NetDma.ReferenceProvider.Wdm;

namespace NetDma.ConformanceKit.Tests.ReferenceProvider;

/// <summary>The WDM sample's device as hardware: programmed transfers against a fake bus, no kernel.</summary>
public sealed class BusMasterDeviceEngineTests
{
    private static readonly PhysicalAddress Buffer = new(0x50_0000);
    private readonly FakeDeviceBus _bus = new();

    public BusMasterDeviceEngineTests() => _bus.Allocate(Buffer.QuadPart, 8192);

    [Fact]
    public void Step_without_a_programmed_transfer_does_nothing()
    {
        var device = new BusMasterDeviceEngine(_bus, messageId: 0);

        Assert.False(device.Step());
        Assert.Empty(_bus.Interrupts);
        Assert.False(device.AcknowledgeInterrupt());
    }

    [Fact]
    public void Transfer_from_device_writes_the_device_pattern_into_memory_then_interrupts()
    {
        var device = new BusMasterDeviceEngine(_bus, messageId: 3);
        device.Program(Buffer.Offset(100), 1000, writeToDevice: false, deviceOffset: 5000);

        Assert.True(device.Step());

        var expected = Enumerable.Range(0, 1000).Select(i => BusMasterDeviceEngine.PatternByte(5000 + (ulong)i)).ToArray();
        Assert.Equal(expected, _bus.Peek(Buffer.Offset(100), 1000));
        Assert.Equal([3u], _bus.Interrupts);
        Assert.True(device.LastTransferSucceeded);
        Assert.True(device.AcknowledgeInterrupt());
        Assert.False(device.AcknowledgeInterrupt());
    }

    [Fact]
    public void Transfer_to_device_stores_the_memory_bytes_at_the_device_offset()
    {
        var device = new BusMasterDeviceEngine(_bus, messageId: 0);
        var data = Enumerable.Range(0, 300).Select(i => (byte)(255 - i)).ToArray();
        _bus.Poke(Buffer, data);
        device.Program(Buffer, 300, writeToDevice: true, deviceOffset: 10);

        Assert.True(device.Step());

        Assert.Equal(data, Enumerable.Range(0, 300).Select(i => device.ReadDeviceByte(10 + (ulong)i)).ToArray());
        Assert.Equal(BusMasterDeviceEngine.PatternByte(9), device.ReadDeviceByte(9));
        Assert.Equal(BusMasterDeviceEngine.PatternByte(310), device.ReadDeviceByte(310));
    }

    [Fact]
    public void Transfer_to_unreachable_memory_sets_the_error_bit_and_still_interrupts()
    {
        var device = new BusMasterDeviceEngine(_bus, messageId: 0);
        device.Program(new PhysicalAddress(0x99_0000), 16, writeToDevice: false, deviceOffset: 0);

        Assert.True(device.Step());

        Assert.False(device.LastTransferSucceeded);
        Assert.Single(_bus.FailedAccesses);
        Assert.True(device.AcknowledgeInterrupt());
    }

    [Fact]
    public void Reset_drops_a_programmed_transfer_and_the_pending_interrupt()
    {
        var device = new BusMasterDeviceEngine(_bus, messageId: 0);
        device.Program(Buffer, 16, writeToDevice: false, deviceOffset: 0);

        device.Reset();

        Assert.False(device.Step());
        Assert.False(device.AcknowledgeInterrupt());
    }
}
