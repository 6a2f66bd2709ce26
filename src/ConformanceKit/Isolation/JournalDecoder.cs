using System.Buffers.Binary;
using System.Text;
using NetDma.ConformanceKit.Scripting;

namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// Reads the body of one <see cref="ObservationJournal"/> record written by <see cref="JournalEncoder"/>, in the order
/// it was written. A read past the body's end is a journal the kit cannot trust: <see cref="InvalidDataException"/>.
/// </summary>
/// <param name="body">The record's body (after its kind byte).</param>
internal ref struct JournalDecoder(ReadOnlySpan<byte> body)
{
    private readonly ReadOnlySpan<byte> _body = body;
    private int _at;

    /// <summary>True once every byte of the body was read.</summary>
    public readonly bool AtEnd => _at == _body.Length;

    public bool ReadBool() => Take(1)[0] != 0;

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int)));

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long)));

    public string? ReadNullableString()
    {
        var count = ReadInt32();
        return count == -1 ? null : Encoding.UTF8.GetString(Take(count));
    }

    public string ReadString() => ReadNullableString() ?? throw Corrupt("a null string where the record holds a string");

    public IReadOnlyList<string> ReadStrings()
    {
        var count = ReadCount();
        var values = new string[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = ReadString();
        }

        return values;
    }

    /// <summary>A count of elements that follow; each takes at least one byte, so a count past the body's end is corrupt.</summary>
    public int ReadCount()
    {
        var count = ReadInt32();
        return count < 0 || count > _body.Length - _at ? throw Corrupt($"a count of {count}") : count;
    }

    public SourceLocation ReadLocation() => new(ReadString(), ReadInt32(), ReadInt32());

    public SourceLocation? ReadNullableLocation() => ReadBool() ? ReadLocation() : null;

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _body.Length - _at)
        {
            throw Corrupt($"{count} bytes wanted at {_at} of a {_body.Length}-byte record");
        }

        var span = _body.Slice(_at, count);
        _at += count;
        return span;
    }

    private static InvalidDataException Corrupt(string what) => new($"the worker's observation journal is corrupt: {what}");
}
