using System.Buffers.Binary;
using System.Text;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// Builds one <see cref="ObservationJournal"/> record in a reusable buffer: a 32-bit length of what follows, the
/// <see cref="ObservationKind"/> byte, then the body (little-endian integers; strings as a 32-bit UTF-8 byte count, -1
/// for null, and the bytes). <see cref="JournalDecoder"/> reads it back.
/// </summary>
internal sealed class JournalEncoder
{
    private const int LengthBytes = sizeof(int);

    private byte[] _buffer = new byte[256];

    /// <summary>The record's bytes so far, its length prefix included (valid after <see cref="Finish"/>).</summary>
    public byte[] Buffer => _buffer;

    /// <summary>The record's length in bytes, its length prefix included.</summary>
    public int Length { get; private set; }

    /// <summary>Starts a new record of <paramref name="kind"/>, dropping the previous one.</summary>
    public void Start(ObservationKind kind)
    {
        Length = LengthBytes;
        Reserve(1)[0] = (byte)kind;
    }

    /// <summary>Writes the length prefix; the record is complete.</summary>
    public void Finish() => BinaryPrimitives.WriteInt32LittleEndian(_buffer, Length - LengthBytes);

    public void Write(bool value) => Reserve(1)[0] = value ? (byte)1 : (byte)0;

    public void Write(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(sizeof(int)), value);

    public void Write(long value) => BinaryPrimitives.WriteInt64LittleEndian(Reserve(sizeof(long)), value);

    public void Write(string? value)
    {
        if (value is null)
        {
            Write(-1);
            return;
        }

        var at = Length;
        Reserve(LengthBytes + Encoding.UTF8.GetMaxByteCount(value.Length));
        var count = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(at + LengthBytes));
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(at), count);
        Length = at + LengthBytes + count;
    }

    public void Write(IReadOnlyList<string> values)
    {
        Write(values.Count);
        foreach (var value in values)
        {
            Write(value);
        }
    }

    public void Write(SourceLocation location)
    {
        Write(location.File);
        Write(location.Line);
        Write(location.Column);
    }

    public void Write(SourceLocation? location)
    {
        Write(location.HasValue);
        if (location is { } at)
        {
            Write(at);
        }
    }

    /// <summary>The whole record as a new array (a record too long for the journal travels in the drain request).</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();

    /// <summary>Makes room for <paramref name="count"/> more bytes and returns them (the length grows by that much).</summary>
    private Span<byte> Reserve(int count)
    {
        var needed = Length + count;
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        }

        var span = _buffer.AsSpan(Length, count);
        Length = needed;
        return span;
    }
}
