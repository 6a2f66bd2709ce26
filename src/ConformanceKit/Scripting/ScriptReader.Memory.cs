namespace NetDma.ConformanceKit.Scripting;

/// <summary>Buffers, descriptor chains, WDM transfers and the buffer references they use.</summary>
internal sealed partial class ScriptReader
{
    private const string NullDescriptor = "null";
    private static readonly string[] InterruptModes = ["last", "each", "none"];
    private static readonly string[] Directions = ["to_device", "from_device"];

    /// <summary>A buffer reference as written, checked against its buffer once the length is known.</summary>
    private readonly record struct WrittenRef(BufferRef Ref, ScriptToken Token, ulong BufferSize);

    private BufferCommand ReadBuffer(SourceLocation at, LineCursor cursor)
    {
        var name = ExpectNewName(cursor, ScriptKeywords.Buffer);
        var (size, _) = cursor.ExpectNumber($"a buffer size in bytes, 1..{BufferCommand.MaxSize} (16 MiB)", 1, BufferCommand.MaxSize);
        var fill = BufferFill.Zero;
        if (cursor.ReadOptions(ScriptKeywords.Buffer, "fill").TryGetValue("fill", out var option))
        {
            var value = option.ValueToken;
            fill = value.Kind == ScriptTokenKind.Number
                ? BufferFill.Byte((byte)LineCursor.NumberIn(value, "zero, pattern or a byte value, 0..255", 0, byte.MaxValue))
                : Choice(value, ["zero", "pattern"], "zero, pattern or a byte value, 0..255") == "zero" ? BufferFill.Zero : BufferFill.Pattern;
        }

        _declarations.Add(name.Text, new ScriptDeclaration(ScriptKeywords.Buffer, at, size));
        return new BufferCommand(at, name.Text, size, fill);
    }

    private ChainCommand ReadChain(SourceLocation at, LineCursor cursor)
    {
        var name = ExpectNewName(cursor, ScriptKeywords.Chain);
        var descriptors = new List<CopyDescriptor>();
        do
        {
            descriptors.Add(ReadDescriptor(cursor));
        }
        while (cursor.Peek.Kind is not (ScriptTokenKind.Option or ScriptTokenKind.EndOfLine));

        var (interrupt, status) = (InterruptMode.Last, true);
        foreach (var option in InLineOrder(cursor.ReadOptions(ScriptKeywords.Chain, "interrupt", "status")))
        {
            if (option.Text == "interrupt")
            {
                interrupt = Choice(option.ValueToken, InterruptModes, "last, each or none") switch
                {
                    "last" => InterruptMode.Last,
                    "each" => InterruptMode.Each,
                    _ => InterruptMode.None,
                };
            }
            else
            {
                status = Choice(option.ValueToken, OnOff, "on or off") == "on";
            }
        }

        _declarations.Add(name.Text, new ScriptDeclaration(ScriptKeywords.Chain, at, 0));
        return new ChainCommand(at, name.Text, descriptors, interrupt, status);
    }

    private CopyDescriptor ReadDescriptor(LineCursor cursor)
    {
        const string Expected = "a copy descriptor (source->destination:length, or null)";
        var first = cursor.Peek;
        if (first.Kind == ScriptTokenKind.Word && first.Text == NullDescriptor)
        {
            cursor.Next();
            return CopyDescriptor.NullTransfer;
        }

        if (first.Kind != ScriptTokenKind.Word)
        {
            throw new ScriptParseException(first.Location, Expected, first.Describe());
        }

        var source = ExpectBufferRef(cursor, "a source buffer");
        cursor.Expect(ScriptTokenKind.Arrow, "'->' between source and destination");
        var destination = ExpectBufferRef(cursor, "a destination buffer");
        cursor.Expect(ScriptTokenKind.Colon, "':' before the length");
        var length = ExpectLength(cursor);
        CheckRange(source, length);
        CheckRange(destination, length);
        return new CopyDescriptor(source.Ref, destination.Ref, length);
    }

    private TransferCommand ReadTransfer(SourceLocation at, LineCursor cursor)
    {
        CheckDeviceStarted(new ScriptToken(ScriptTokenKind.Word, ScriptKeywords.Transfer, at));
        var buffer = ExpectBufferRef(cursor, "a buffer");
        var length = ExpectLength(cursor);
        CheckRange(buffer, length);
        var direction = Choice(cursor.Next(), Directions, "to_device or from_device");
        cursor.ExpectEnd(ScriptKeywords.Transfer);
        _transfers++;
        return new TransferCommand(at, buffer.Ref, length, direction == "to_device");
    }

    private static uint ExpectLength(LineCursor cursor) =>
        (uint)cursor.ExpectNumber($"a length in bytes, 1..{uint.MaxValue}", 1, uint.MaxValue).Value;

    /// <summary>A buffer or chain name not declared yet (buffers and chains share one namespace).</summary>
    private ScriptToken ExpectNewName(LineCursor cursor, string keyword)
    {
        var name = cursor.Expect(ScriptTokenKind.Word, $"a {keyword} name");
        if (name.Text == NullDescriptor)
        {
            throw new ScriptParseException(name.Location, $"a {keyword} name", name.Describe(),
                "'null' is the null descriptor of a chain; choose another name");
        }

        if (_declarations.TryGetValue(name.Text, out var earlier))
        {
            throw new ScriptParseException(name.Location, $"a new {keyword} name",
                $"{name.Describe()}, already declared by '{earlier.Keyword}' at {At(earlier.Location)}");
        }

        return name;
    }

    /// <summary><c>name</c> or <c>name+offset</c> of a declared buffer, with the offset inside it.</summary>
    private WrittenRef ExpectBufferRef(LineCursor cursor, string what)
    {
        var name = cursor.Expect(ScriptTokenKind.Word, $"{what} (name or name+offset)");
        if (!_declarations.TryGetValue(name.Text, out var declaration))
        {
            var buffers = _declarations.Where(d => d.Value.Keyword == ScriptKeywords.Buffer).Select(d => d.Key);
            throw new ScriptParseException(name.Location, "a buffer declared earlier", name.Describe(), NearestName.Hint(name.Text, buffers));
        }

        if (declaration.Keyword != ScriptKeywords.Buffer)
        {
            throw new ScriptParseException(name.Location, "a buffer declared earlier",
                $"{name.Describe()}, a {declaration.Keyword} declared at {At(declaration.Location)}");
        }

        ulong offset = 0;
        if (cursor.Peek.Kind == ScriptTokenKind.Plus)
        {
            cursor.Next();
            offset = cursor.ExpectNumber($"an offset into '{name.Text}', 0..{declaration.Size - 1}", 0, declaration.Size - 1).Value;
        }

        return new WrittenRef(new BufferRef(name.Text, offset), name, declaration.Size);
    }

    /// <summary>Requires <paramref name="length"/> bytes from the reference to stay inside its buffer.</summary>
    private static void CheckRange(WrittenRef written, ulong length)
    {
        var end = written.Ref.Offset + length;
        if (end > written.BufferSize)
        {
            throw new ScriptParseException(written.Token.Location,
                $"a range inside buffer '{written.Ref.Buffer}' ({written.BufferSize} bytes)",
                $"'{written.Ref}' with length {length}, which ends at byte {end}");
        }
    }
}
