using NetDma.Contracts.Platform;

namespace NetDma.ConformanceKit.Tests.ReferenceProvider;

/// <summary>
/// A minimal bus for testing device engines without the simulated kernel: buffers are allocated explicitly, an
/// access must lie inside one of them (otherwise it fails, is recorded and does not happen), interrupts are recorded.
/// </summary>
internal sealed class FakeDeviceBus : IDeviceBus
{
    private readonly List<(ulong Start, byte[] Bytes)> _buffers = [];

    public List<uint> Interrupts { get; } = [];

    public List<string> FailedAccesses { get; } = [];

    public List<ulong> Reads { get; } = [];

    public List<ISimulatedEngine> Engines { get; } = [];

    public PhysicalAddress Allocate(ulong start, int length)
    {
        _buffers.Add((start, new byte[length]));
        return new PhysicalAddress(start);
    }

    public bool DmaRead(PhysicalAddress address, Span<byte> destination)
    {
        Reads.Add(address.QuadPart);
        if (!TryLocate(address, destination.Length, out var bytes, out var offset))
        {
            FailedAccesses.Add($"read {destination.Length} bytes at {address}");
            return false;
        }

        bytes.AsSpan(offset, destination.Length).CopyTo(destination);
        return true;
    }

    public bool DmaWrite(PhysicalAddress address, ReadOnlySpan<byte> source)
    {
        if (!TryLocate(address, source.Length, out var bytes, out var offset))
        {
            FailedAccesses.Add($"write {source.Length} bytes at {address}");
            return false;
        }

        source.CopyTo(bytes.AsSpan(offset));
        return true;
    }

    public void RequestInterrupt(uint messageId) => Interrupts.Add(messageId);

    public void AttachEngine(ISimulatedEngine engine) => Engines.Add(engine);

    public byte[] Peek(PhysicalAddress address, int length)
    {
        Assert.True(TryLocate(address, length, out var bytes, out var offset), $"test bug: {address} is not allocated");
        return bytes.AsSpan(offset, length).ToArray();
    }

    public void Poke(PhysicalAddress address, ReadOnlySpan<byte> data)
    {
        Assert.True(TryLocate(address, data.Length, out var bytes, out var offset), $"test bug: {address} is not allocated");
        data.CopyTo(bytes.AsSpan(offset));
    }

    private bool TryLocate(PhysicalAddress address, int length, out byte[] bytes, out int offset)
    {
        foreach (var (start, buffer) in _buffers)
        {
            if (address.QuadPart >= start && address.QuadPart + (ulong)length <= start + (ulong)buffer.Length)
            {
                bytes = buffer;
                offset = (int)(address.QuadPart - start);
                return true;
            }
        }

        bytes = [];
        offset = 0;
        return false;
    }
}
