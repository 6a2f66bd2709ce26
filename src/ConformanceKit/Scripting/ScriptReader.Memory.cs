namespace NetDma.ConformanceKit.Scripting;

/// <summary>Buffers, descriptor chains, WDM transfers and the buffer references they use.</summary>
internal sealed partial class ScriptReader
{
    private const string NullDescriptor = "null";
    private const string ContextChangeDescriptor = "context";
    private static readonly string[] InterruptModes = ["last", "each", "none"];
    private static readonly string[] Directions = ["to_device", "from_device"];

    /// <summary>A buffer reference as written, checked against its buffer once the length is known.</summary>
    private readonly record struct WrittenRef(BufferRef Ref, ScriptToken Token, ulong BufferSize);

    private BufferCommand ReadBuffer(SourceLocation at, LineCursor cursor)
    {
        var name = ExpectNewName(cursor, ScriptKeywords.Buffer);
        var (size, _) = cursor.ExpectNumber($"a buffer size in bytes, 1..{BufferCommand.MaxSize} (16 MiB)", 1, BufferCommand.MaxSize);
        var fill = BufferFill.Zero;
        var options = cursor.ReadOptions(ScriptKeywords.Buffer, "fill", "align");
        var alignment = BufferCommand.DefaultAlignment;
        if (options.TryGetValue("align", out var align))
        {
            alignment = LineCursor.NumberIn(align.ValueToken, "a power of two, 64..4096", BufferCommand.DefaultAlignment, 4096);
            if ((alignment & (alignment - 1)) != 0)
            {
                throw new ScriptParseException(align.ValueToken.Location, "a power of two, 64..4096", align.ValueToken.Describe());
            }
        }

        if (options.TryGetValue("fill", out var option))
        {
            var value = option.ValueToken;
            fill = value.Kind == ScriptTokenKind.Number
                ? BufferFill.Byte((byte)LineCursor.NumberIn(value, "zero, pattern or a byte value, 0..255", 0, byte.MaxValue))
                : Choice(value, ["zero", "pattern"], "zero, pattern or a byte value, 0..255") == "zero" ? BufferFill.Zero : BufferFill.Pattern;
        }

        _declarations.Add(name.Text, new ScriptDeclaration(ScriptKeywords.Buffer, at, size));
        return new BufferCommand(at, name.Text, size, fill) { Alignment = alignment };
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

        var (interrupt, status, serialize) = (InterruptMode.Last, true, false);
        foreach (var option in InLineOrder(cursor.ReadOptions(ScriptKeywords.Chain, "interrupt", "status", "serialize")))
        {
            if (option.Text == "serialize")
            {
                serialize = Choice(option.ValueToken, OnOff, "on or off") == "on";
            }
            else if (option.Text == "interrupt")
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
        return new ChainCommand(at, name.Text, descriptors, interrupt, status) { Serialize = serialize };
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

        if (first.Kind == ScriptTokenKind.Word && first.Text == ContextChangeDescriptor)
        {
            cursor.Next();
            cursor.Expect(ScriptTokenKind.Colon, "':' before the DCA context (the target processor's 8-bit APIC ID)");
            var (apic, _) = cursor.ExpectNumber("a DCAContext8 value, 0..255", 0, byte.MaxValue);
            return CopyDescriptor.ContextChangeTo((byte)apic);
        }

        if (first.Kind != ScriptTokenKind.Word)
        {
            throw new ScriptParseException(first.Location, Expected, first.Describe());
        }

        var source = ExpectBufferRef(cursor, "a source buffer");
        var nextSource = ReadPageBreak(cursor, "NextSourceAddress");
        cursor.Expect(ScriptTokenKind.Arrow, "'->' between source and destination");
        var destination = ExpectBufferRef(cursor, "a destination buffer");
        var nextDestination = ReadPageBreak(cursor, "NextDestinationAddress");
        cursor.Expect(ScriptTokenKind.Colon, "':' before the length");
        var length = ExpectLength(cursor);
        CheckRange(source, length);
        CheckRange(destination, length);

        // The part after the page break is shorter than the length; checking the whole length keeps it inside too.
        foreach (var next in new[] { nextSource, nextDestination })
        {
            if (next is { } written)
            {
                CheckRange(written, length);
            }
        }

        return new CopyDescriptor(source.Ref, destination.Ref, length) { NextSource = nextSource?.Ref, NextDestination = nextDestination?.Ref };
    }

    /// <summary><c>/name+offset</c> after a side of a descriptor: a NetDMA 2.0 page break continuing there.</summary>
    private WrittenRef? ReadPageBreak(LineCursor cursor, string field)
    {
        if (cursor.Peek is not { Kind: ScriptTokenKind.Other, Text: "/" })
        {
            return null;
        }

        cursor.Next();
        return ExpectBufferRef(cursor, $"the {field} of a page break (name or name+offset)");
    }

    private RelinkCommand ReadRelink(SourceLocation at, LineCursor cursor)
    {
        var channel = ExpectAllocatedChannel(cursor);
        var chain = cursor.Expect(ScriptTokenKind.Word, "a chain name");
        if (!_declarations.TryGetValue(chain.Text, out var declaration) || declaration.Keyword != ScriptKeywords.Chain)
        {
            var chains = _declarations.Where(d => d.Value.Keyword == ScriptKeywords.Chain).Select(d => d.Key);
            throw new ScriptParseException(chain.Location, "a chain declared earlier", chain.Describe(), NearestName.Hint(chain.Text, chains));
        }

        cursor.ExpectEnd(ScriptKeywords.Relink);
        return new RelinkCommand(at, channel.Text, chain.Text);
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
        if (name.Text is NullDescriptor or ContextChangeDescriptor)
        {
            throw new ScriptParseException(name.Location, $"a {keyword} name", name.Describe(),
                name.Text == NullDescriptor ? "'null' is the null descriptor of a chain; choose another name"
                    : "'context' starts a context change descriptor of a chain; choose another name");
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
