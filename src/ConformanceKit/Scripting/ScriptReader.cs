using System.Reflection;

namespace NetDma.ConformanceKit.Scripting;

/// <summary>
/// One parse of one script: dispatches each line to its command's parser and keeps the static state the checks need
/// (header commands seen, the device's PnP state, declared buffers and chains, channel names, transfers, the last
/// call). Split by area over the ScriptReader.*.cs files.
/// </summary>
/// <param name="file">The file name for locations.</param>
internal sealed partial class ScriptReader(string file)
{
    private readonly List<ScriptCommand> _commands = [];
    private readonly Dictionary<string, SourceLocation> _header = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScriptDeclaration> _declarations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScriptChannelState> _channels = new(StringComparer.Ordinal);
    private (string Keyword, SourceLocation Location)? _firstBodyCommand;
    private (string Keyword, SourceLocation Location, MethodInfo EntryPoint)? _lastCall;
    private string? _title;
    private int _processors = PlatformCommand.DefaultProcessors;
    private string _driverKind = DriverCommand.NetDma;
    private int _transfers;
    private ScriptDeviceState _device = ScriptDeviceState.NotAdded;

    /// <summary>Where <c>surprise_remove</c> took the device off the bus, or null while it is on it.</summary>
    private SourceLocation? _surpriseRemovedAt;
    private (string Keyword, SourceLocation Location)? _deviceSince;
    private string _line = "";

    /// <summary>Parses every line of <paramref name="text"/>.</summary>
    public Script Read(string text)
    {
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].EndsWith('\r') ? lines[n][..^1] : lines[n];
            _line = line;

            // A fault spec has its own grammar (FaultSpecParser): only the keyword goes through the script lexer.
            var cursor = new LineCursor(ScriptLexer.Tokenize(FaultOperandStart(line) is { } operand ? line[..operand] : line, file, n + 1));
            if (cursor.Peek.Kind == ScriptTokenKind.EndOfLine)
            {
                continue;
            }

            var command = ReadCommand(cursor);
            if (!InBlock(command))
            {
                _commands.Add(command);
            }
        }

        CheckBlockClosed(lines.Length, lines[^1].TrimEnd('\r'));
        return new Script(file, _title, _commands.AsReadOnly());
    }

    private ScriptCommand ReadCommand(LineCursor cursor)
    {
        var keyword = cursor.Next();
        if (keyword.Kind != ScriptTokenKind.Word || !ScriptKeywords.All.Contains(keyword.Text))
        {
            throw new ScriptParseException(keyword.Location, "a command", keyword.Describe(),
                NearestName.Hint(keyword.Text, ScriptKeywords.All));
        }

        var at = keyword.Location;
        if (ScriptKeywords.Header.Contains(keyword.Text))
        {
            CheckHeaderPlacement(keyword);
        }
        else
        {
            CheckDriverKind(keyword);
            _firstBodyCommand ??= (keyword.Text, at);
        }

        return keyword.Text switch
        {
            ScriptKeywords.Title => ReadTitle(at, cursor),
            ScriptKeywords.Platform => ReadPlatform(at, cursor),
            ScriptKeywords.Driver => ReadDriver(at, cursor),
            ScriptKeywords.AddDevice => ReadPnP(keyword, cursor, new AddDeviceCommand(at)),
            ScriptKeywords.StartDevice => ReadPnP(keyword, cursor, new StartDeviceCommand(at)),
            ScriptKeywords.StopDevice => ReadPnP(keyword, cursor, new StopDeviceCommand(at)),
            ScriptKeywords.RemoveDevice => ReadPnP(keyword, cursor, new RemoveDeviceCommand(at)),
            ScriptKeywords.SurpriseRemove => ReadSurpriseRemove(keyword, cursor),
            ScriptKeywords.SetPower => ReadSetPower(keyword, cursor),
            ScriptKeywords.Buffer => ReadBuffer(at, cursor),
            ScriptKeywords.Chain => ReadChain(at, cursor),
            ScriptKeywords.Allocate => ReadAllocate(at, cursor),
            ScriptKeywords.Free => ReadFree(at, cursor),
            ScriptKeywords.Start => ReadChainOperation(keyword, cursor, (ch, chain, site) => new StartDmaCommand(at, ch, chain, site)),
            ScriptKeywords.Append => ReadChainOperation(keyword, cursor, (ch, chain, site) => new AppendDmaCommand(at, ch, chain, site)),
            ScriptKeywords.Suspend => ReadChannelOperation(keyword, cursor, (ch, site) => new SuspendDmaCommand(at, ch, site)),
            ScriptKeywords.Resume => ReadChannelOperation(keyword, cursor, (ch, site) => new ResumeDmaCommand(at, ch, site)),
            ScriptKeywords.Abort => ReadChannelOperation(keyword, cursor, (ch, site) => new AbortDmaCommand(at, ch, site)),
            ScriptKeywords.Reset => ReadChannelOperation(keyword, cursor, (ch, site) => new ResetChannelCommand(at, ch, site)),
            ScriptKeywords.Relink => ReadRelink(at, cursor),
            ScriptKeywords.Run => ReadRun(at, cursor),
            ScriptKeywords.Concurrently => ReadConcurrently(at, cursor),
            ScriptKeywords.End => ReadEnd(at, cursor),
            ScriptKeywords.Fault => ReadFault(at),
            ScriptKeywords.Transfer => ReadTransfer(at, cursor),
            ScriptKeywords.AssertStatus => ReadAssertStatus(at, cursor),
            ScriptKeywords.AssertCpuInMask => ReadChannelAssertion(keyword, cursor, ch => new AssertCpuInMaskCommand(at, ch)),
            ScriptKeywords.AssertCpu => ReadAssertCpu(at, cursor),
            ScriptKeywords.AssertDpcCpu => ReadChannelAssertion(keyword, cursor, ch => new AssertDpcCpuCommand(at, ch)),
            ScriptKeywords.AssertCopied => ReadAssertCopied(at, cursor),
            ScriptKeywords.AssertBytes => ReadAssertBytes(at, cursor),
            ScriptKeywords.AssertCompletion => ReadAssertCompletion(at, cursor),
            ScriptKeywords.AssertInterrupts => ReadAssertInterrupts(at, cursor),
            ScriptKeywords.AssertViolation => ReadAssertViolation(at, cursor),
            ScriptKeywords.AssertNoViolation => ReadNoOperands(cursor, ScriptKeywords.AssertNoViolation, new AssertNoViolationCommand(at)),
            ScriptKeywords.AssertIrp => ReadAssertIrp(at, cursor),
            _ => throw new System.Diagnostics.UnreachableException($"keyword '{keyword.Text}' has no parser"),
        };
    }

    private static T ReadNoOperands<T>(LineCursor cursor, string keyword, T command)
        where T : ScriptCommand
    {
        cursor.ExpectEnd(keyword);
        return command;
    }

    /// <summary>The index in <paramref name="line"/> just after a leading <c>fault</c> keyword, or null for another line.</summary>
    private static int? FaultOperandStart(string line)
    {
        var indent = line.Length - line.TrimStart(' ', '\t').Length;
        var end = indent + ScriptKeywords.Fault.Length;
        return line.AsSpan(indent).StartsWith(ScriptKeywords.Fault, StringComparison.Ordinal) && (end == line.Length || line[end] is ' ' or '\t' or '#')
            ? end
            : null;
    }

    /// <summary><c>fault &lt;spec&gt;</c>: the rest of the line (up to a <c>#</c> comment) is a fault spec; its errors are located at their column.</summary>
    private FaultCommand ReadFault(SourceLocation at)
    {
        var start = FaultOperandStart(_line)!.Value;
        var comment = _line.IndexOf('#', start);
        var operand = comment < 0 ? _line[start..] : _line[start..comment];
        var text = operand.Trim(' ', '\t');
        var textStart = start + (operand.Length - operand.TrimStart(' ', '\t').Length);
        if (text.Length == 0)
        {
            throw new ScriptParseException(at with { Column = textStart + 1 }, "a fault spec (e.g. pool:every=2, or none)", "end of line");
        }

        try
        {
            return new FaultCommand(at, Faults.FaultSpec.Parse(text));
        }
        catch (Faults.FaultSpecException error)
        {
            throw new ScriptParseException(at with { Column = textStart + error.Position + 1 }, error.Expected, error.Found, error.Hint);
        }
    }

    /// <summary>Records a call the script makes, for a later <c>assert_status</c>.</summary>
    private void RecordCall(string keyword, SourceLocation at)
    {
        // Callers only get here after CheckDriverKind, which rejects keywords without an entry point.
        var entryPoint = ScriptEntryPoints.For(keyword, _driverKind)!;
        _lastCall = (keyword, at, entryPoint);
    }

    /// <summary>The message form of a location on another line: <c>file:line:column</c>.</summary>
    private static string At(SourceLocation location) => location.ToString();
}
