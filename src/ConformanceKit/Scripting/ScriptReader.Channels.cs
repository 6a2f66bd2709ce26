using NetDma.ConformanceKit.Host;
using NetDma.Contracts.Annotations;

namespace NetDma.ConformanceKit.Scripting;

/// <summary>NetDMA channel operations, the channel names they bind and free, their call sites, and <c>run</c>.</summary>
internal sealed partial class ScriptReader
{
    private static readonly string[] SiteOptions = ["irql", "cpu"];

    private AllocateCommand ReadAllocate(SourceLocation at, LineCursor cursor)
    {
        CheckDeviceStarted(new ScriptToken(ScriptTokenKind.Word, ScriptKeywords.Allocate, at));
        var channel = cursor.Expect(ScriptTokenKind.Word, "a channel name");
        if (_channels.TryGetValue(channel.Text, out var state) && state.FreedAt is null && state.AllocationFailedAt is null)
        {
            throw new ScriptParseException(channel.Location, "a channel name that is not allocated",
                $"{channel.Describe()}, allocated at {At(state.AllocatedAt)} and not freed");
        }

        var options = cursor.ReadOptions(ScriptKeywords.Allocate, ["mask", "priority", .. SiteOptions]);
        uint? mask = null;
        uint priority = 0;
        var site = CallSite.ChannelOperationDefault;
        foreach (var option in InLineOrder(options))
        {
            switch (option.Text)
            {
                case "mask":
                    mask = ReadAffinityMask(option.ValueToken);
                    break;
                case "priority":
                    priority = (uint)LineCursor.NumberIn(option.ValueToken, $"a channel priority, 0..{uint.MaxValue}", 0, uint.MaxValue);
                    break;
                default:
                    site = ReadSiteOption(option, site);
                    break;
            }
        }

        if (mask is null)
        {
            throw new ScriptParseException(cursor.Peek.Location, "option mask= (the ProcessorAffinityMask)", cursor.Peek.Describe());
        }

        _channels[channel.Text] = new ScriptChannelState(at, null, (ScriptKeywords.Allocate, at));
        RecordCall(ScriptKeywords.Allocate, at);
        return new AllocateCommand(at, channel.Text, mask.Value, priority, site);
    }

    private uint ReadAffinityMask(ScriptToken value)
    {
        var mask = (uint)LineCursor.NumberIn(value, $"a non-zero 32-bit affinity mask, 1..0x{uint.MaxValue:X}", 1, uint.MaxValue);
        var active = _processors >= 32 ? uint.MaxValue : (1u << _processors) - 1;
        if ((mask & active) == 0)
        {
            throw new ScriptParseException(value.Location,
                $"a mask that selects at least one of the {_processors} processors (bits 0..{_processors - 1})", value.Describe());
        }

        return mask;
    }

    private FreeCommand ReadFree(SourceLocation at, LineCursor cursor)
    {
        var keyword = new ScriptToken(ScriptTokenKind.Word, ScriptKeywords.Free, at);
        var command = ReadChannelOperation(keyword, cursor, (channel, site) => new FreeCommand(at, channel, site));
        _channels[command.Channel] = _channels[command.Channel] with { FreedAt = at };
        return command;
    }

    private T ReadChannelOperation<T>(ScriptToken keyword, LineCursor cursor, Func<string, CallSite, T> create)
        where T : ScriptCommand
    {
        var channel = ExpectAllocatedChannel(cursor);
        var site = ReadSite(keyword.Text, cursor);
        RecordCall(keyword.Text, keyword.Location);
        if (keyword.Text is ScriptKeywords.Abort or ScriptKeywords.Reset)
        {
            _channels[channel.Text] = _channels[channel.Text] with { NeedsStart = (keyword.Text, keyword.Location) };
        }

        return create(channel.Text, site);
    }

    private T ReadChainOperation<T>(ScriptToken keyword, LineCursor cursor, Func<string, string, CallSite, T> create)
        where T : ScriptCommand
    {
        var channel = ExpectAllocatedChannel(cursor);
        var state = _channels[channel.Text];
        if (keyword.Text == ScriptKeywords.Append && state.NeedsStart is { } since)
        {
            throw new ScriptParseException(channel.Location, "a started channel ('append' needs a 'start' after allocate, abort or reset)",
                $"{channel.Describe()}, not started since '{since.Keyword}' at {At(since.Location)}");
        }

        var chain = cursor.Expect(ScriptTokenKind.Word, "a chain name");
        if (!_declarations.TryGetValue(chain.Text, out var declaration))
        {
            var chains = _declarations.Where(d => d.Value.Keyword == ScriptKeywords.Chain).Select(d => d.Key);
            throw new ScriptParseException(chain.Location, "a chain declared earlier", chain.Describe(), NearestName.Hint(chain.Text, chains));
        }

        if (declaration.Keyword != ScriptKeywords.Chain)
        {
            throw new ScriptParseException(chain.Location, "a chain declared earlier",
                $"{chain.Describe()}, a {declaration.Keyword} declared at {At(declaration.Location)}");
        }

        var site = ReadSite(keyword.Text, cursor);
        RecordCall(keyword.Text, keyword.Location);
        if (keyword.Text == ScriptKeywords.Start)
        {
            _channels[channel.Text] = state with { NeedsStart = null };
        }

        return create(channel.Text, chain.Text, site);
    }

    private RunCommand ReadRun(SourceLocation at, LineCursor cursor)
    {
        int? steps = null;
        if (cursor.ReadOptions(ScriptKeywords.Run, "steps").TryGetValue("steps", out var option))
        {
            steps = (int)LineCursor.NumberIn(option.ValueToken, $"a step count, 1..{int.MaxValue}", 1, int.MaxValue);
        }

        return new RunCommand(at, steps);
    }

    /// <summary>A channel name whose latest <c>allocate</c> has not been freed (NetDMA calls nothing on a freed channel, freeing-a-netdma-channel.md).</summary>
    private ScriptToken ExpectAllocatedChannel(LineCursor cursor)
    {
        var channel = cursor.Expect(ScriptTokenKind.Word, "a channel name");
        if (!_channels.TryGetValue(channel.Text, out var state))
        {
            throw new ScriptParseException(channel.Location, "a channel allocated by an earlier 'allocate'", channel.Describe(),
                NearestName.Hint(channel.Text, _channels.Keys));
        }

        if (state.FreedAt is { } freedAt)
        {
            throw new ScriptParseException(channel.Location, "an allocated channel",
                $"{channel.Describe()}, freed at {At(freedAt)}", "allocate it again before using it");
        }

        return channel;
    }

    /// <summary>A channel name allocated at some point earlier in the script (it may be freed since).</summary>
    private string ExpectKnownChannel(LineCursor cursor)
    {
        var channel = cursor.Expect(ScriptTokenKind.Word, "a channel name");
        if (!_channels.ContainsKey(channel.Text))
        {
            throw new ScriptParseException(channel.Location, "a channel allocated by an earlier 'allocate'", channel.Describe(),
                NearestName.Hint(channel.Text, _channels.Keys));
        }

        return channel.Text;
    }

    private CallSite ReadSite(string keyword, LineCursor cursor)
    {
        var site = CallSite.ChannelOperationDefault;
        foreach (var option in InLineOrder(cursor.ReadOptions(keyword, SiteOptions)))
        {
            site = ReadSiteOption(option, site);
        }

        return site;
    }

    private CallSite ReadSiteOption(ScriptToken option, CallSite site)
    {
        var value = option.ValueToken;
        if (option.Text == "cpu")
        {
            return site with { Cpu = ReadCpuNumber(value) };
        }

        if (value.Kind == ScriptTokenKind.Word && IrqlNames.TryParse(value.Text, out var irql))
        {
            return site with { Irql = irql };
        }

        throw new ScriptParseException(value.Location, $"an IRQL ({string.Join(", ", IrqlNames.Known)})", value.Describe(),
            NearestName.Hint(value.Text, IrqlNames.Known));
    }

    private uint ReadCpuNumber(ScriptToken token) =>
        (uint)LineCursor.NumberIn(token, $"a CPU number, 0..{_processors - 1} (the platform has {_processors} processors)", 0, (ulong)_processors - 1);
}
