namespace NetDma.ConformanceKit.Scripting;

/// <summary>The <c>concurrently</c> ... <c>end</c> block: which lines run at the same time, and on which processors.</summary>
internal sealed partial class ScriptReader
{
    private OpenBlock? _block;

    /// <summary>A <c>concurrently</c> block being read: its lanes so far and the processors they are issued from.</summary>
    private sealed class OpenBlock(SourceLocation at)
    {
        public SourceLocation At { get; } = at;

        public List<ScriptCommand> Lanes { get; } = [];

        public Dictionary<uint, SourceLocation> Processors { get; } = [];

        public SourceLocation? Run { get; set; }
    }

    private ScriptCommand ReadConcurrently(SourceLocation at, LineCursor cursor)
    {
        if (_block is { } open)
        {
            throw new ScriptParseException(at, "a command of the block opened at " + At(open.At) + " or 'end'", "'concurrently'",
                "blocks do not nest: close the open one with 'end' first");
        }

        cursor.ExpectEnd(ScriptKeywords.Concurrently);
        _block = new OpenBlock(at);
        return new ConcurrentlyCommand(at, [], at);
    }

    private ScriptCommand ReadEnd(SourceLocation at, LineCursor cursor)
    {
        if (_block is not { } open)
        {
            throw new ScriptParseException(at, "a command", "'end'", "'end' closes a 'concurrently' block, and none is open");
        }

        cursor.ExpectEnd(ScriptKeywords.End);
        if (open.Lanes.Count < 2)
        {
            throw new ScriptParseException(at, "at least two commands in the block opened at " + At(open.At),
                $"'end' after {open.Lanes.Count} command", "a block says what runs at the same time: give it two or more lines");
        }

        _block = null;
        return new ConcurrentlyCommand(open.At, open.Lanes.AsReadOnly(), at);
    }

    /// <summary>
    /// Files <paramref name="command"/> into the open block, checking it may run there; true when it did (the block,
    /// not the command, goes into the script). The block itself replaces its opening placeholder when <c>end</c> is read.
    /// </summary>
    private bool InBlock(ScriptCommand command)
    {
        if (command is ConcurrentlyCommand { Lanes.Count: 0 })
        {
            return true; // the opening line: the block goes into the script when 'end' closes it
        }

        if (_block is not { } open)
        {
            return false;
        }

        var keyword = ScriptFormatter.Format(command).Split(' ')[0];
        if (!ScriptKeywords.Concurrent.Contains(keyword))
        {
            throw new ScriptParseException(command.Location,
                $"a command that can run concurrently ({string.Join(", ", ScriptKeywords.Concurrent)}) or 'end' to close the block opened at {At(open.At)}",
                $"'{keyword}'");
        }

        if (command is RunCommand)
        {
            if (open.Run is { } earlier)
            {
                throw new ScriptParseException(command.Location, "at most one 'run' in a block (the hardware is one lane)", $"'run' again after line {earlier.Line}");
            }

            open.Run = command.Location;
        }
        else
        {
            var cpu = ChannelCallSite.Of(command).Cpu;
            if (open.Processors.TryGetValue(cpu, out var taken))
            {
                throw new ScriptParseException(command.Location,
                    $"a processor no other line of the block uses (a processor runs one call at a time; give this line cpu=<n>)",
                    $"cpu={cpu}, already used at {At(taken)}");
            }

            open.Processors[cpu] = command.Location;
        }

        open.Lanes.Add(command);
        return true;
    }

    private void CheckBlockClosed(int lines, string lastLine)
    {
        if (_block is { } open)
        {
            throw new ScriptParseException(new SourceLocation(file, lines, lastLine.Length + 1), $"'end' to close the block opened at {At(open.At)}", "end of file");
        }
    }
}
