using NetDma.ConformanceKit.Rules;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Status;

namespace NetDma.ConformanceKit.Scripting;

/// <summary>The assertion commands.</summary>
internal sealed partial class ScriptReader
{
    private const string TransferStatusPrefix = nameof(NetDmaTransferStatus);

    private static readonly string[] TransferStatusNames =
        [.. Enum.GetNames<NetDmaTransferStatus>().Select(n => n[TransferStatusPrefix.Length..])];

    private static readonly string[] StatusSpellings =
        [.. Enum.GetNames<NtStatus>(), .. DocumentedStatusSpellings.Anomalies.Select(a => a.PageSpelling)];

    private AssertStatusCommand ReadAssertStatus(SourceLocation at, LineCursor cursor)
    {
        if (_lastCall is not { } last)
        {
            throw new ScriptParseException(at, "a provider call or PnP command before 'assert_status'", "none earlier in the script");
        }

        if (!ScriptEntryPoints.ReturnsStatus(last.EntryPoint))
        {
            throw new ScriptParseException(at, "a call that returns NTSTATUS before 'assert_status'",
                $"'{last.Keyword}' at {At(last.Location)}; {ScriptEntryPoints.Describe(last.EntryPoint)} returns {ScriptEntryPoints.ReturnTypeName(last.EntryPoint)}");
        }

        var status = ReadStatus(cursor);
        cursor.ExpectEnd(ScriptKeywords.AssertStatus);
        if (last.Keyword == ScriptKeywords.Allocate && !Contracts.Status.NtStatusFacts.NT_SUCCESS(status)
            && _channels.FirstOrDefault(c => c.Value.AllocatedAt == last.Location && c.Value.FreedAt is null) is { Key: { } failed, Value: { } state })
        {
            // A script that asserts a failed allocation (under a fault) knows the channel does not exist: it may
            // allocate the name again.
            _channels[failed] = state with { AllocationFailedAt = at };
        }

        return new AssertStatusCommand(at, status);
    }

    private AssertCpuCommand ReadAssertCpu(SourceLocation at, LineCursor cursor)
    {
        var channel = ExpectKnownChannel(cursor);
        var cpu = ReadCpuNumber(cursor.Next());
        cursor.ExpectEnd(ScriptKeywords.AssertCpu);
        return new AssertCpuCommand(at, channel, cpu);
    }

    private T ReadChannelAssertion<T>(ScriptToken keyword, LineCursor cursor, Func<string, T> create)
        where T : ScriptCommand
    {
        var channel = ExpectKnownChannel(cursor);
        cursor.ExpectEnd(keyword.Text);
        return create(channel);
    }

    private AssertCopiedCommand ReadAssertCopied(SourceLocation at, LineCursor cursor)
    {
        var source = ExpectBufferRef(cursor, "a source buffer");
        var destination = ExpectBufferRef(cursor, "a destination buffer");
        var length = ExpectLength(cursor);
        CheckRange(source, length);
        CheckRange(destination, length);
        cursor.ExpectEnd(ScriptKeywords.AssertCopied);
        return new AssertCopiedCommand(at, source.Ref, destination.Ref, length);
    }

    private AssertBytesCommand ReadAssertBytes(SourceLocation at, LineCursor cursor)
    {
        var buffer = ExpectBufferRef(cursor, "a buffer");
        var length = ExpectLength(cursor);
        CheckRange(buffer, length);
        var (value, _) = cursor.ExpectNumber("a byte value, 0..255", 0, byte.MaxValue);
        cursor.ExpectEnd(ScriptKeywords.AssertBytes);
        return new AssertBytesCommand(at, buffer.Ref, length, (byte)value);
    }

    private AssertCompletionCommand ReadAssertCompletion(SourceLocation at, LineCursor cursor)
    {
        var channel = ExpectKnownChannel(cursor);
        var token = cursor.Next();
        var name = token.Kind == ScriptTokenKind.Word && token.Text.StartsWith(TransferStatusPrefix, StringComparison.Ordinal)
            ? token.Text[TransferStatusPrefix.Length..]
            : token.Text;
        if (token.Kind != ScriptTokenKind.Word || !TransferStatusNames.Contains(name))
        {
            throw new ScriptParseException(token.Location,
                $"a transfer status ({string.Join(", ", TransferStatusNames)})", token.Describe(), NearestName.Hint(name, TransferStatusNames));
        }

        cursor.ExpectEnd(ScriptKeywords.AssertCompletion);
        return new AssertCompletionCommand(at, channel, Enum.Parse<NetDmaTransferStatus>(TransferStatusPrefix + name));
    }

    private AssertInterruptsCommand ReadAssertInterrupts(SourceLocation at, LineCursor cursor)
    {
        var channel = ExpectKnownChannel(cursor);
        var (count, _) = cursor.ExpectNumber($"an interrupt count, 0..{int.MaxValue}", 0, int.MaxValue);
        cursor.ExpectEnd(ScriptKeywords.AssertInterrupts);
        return new AssertInterruptsCommand(at, channel, (int)count);
    }

    private AssertViolationCommand ReadAssertViolation(SourceLocation at, LineCursor cursor)
    {
        var rules = new List<Rule>();
        do
        {
            var token = cursor.Next();
            if (token.Kind != ScriptTokenKind.Word || !RuleCatalog.TryGet(token.Text, out var rule))
            {
                throw new ScriptParseException(token.Location, "a rule ID of the catalog (NDMA1001 ...)", token.Describe(),
                    NearestName.Hint(token.Text, RuleCatalog.All.Select(r => r.Id)));
            }

            rules.Add(rule);
        }
        while (cursor.Peek.Kind != ScriptTokenKind.EndOfLine);

        return new AssertViolationCommand(at, rules);
    }

    private AssertIrpCommand ReadAssertIrp(SourceLocation at, LineCursor cursor)
    {
        var token = cursor.Peek;
        if (_transfers == 0)
        {
            throw new ScriptParseException(token.Location, "a transfer index, after at least one 'transfer'", token.Describe());
        }

        var (index, _) = cursor.ExpectNumber($"a transfer index, 0..{_transfers - 1} (0-based, in order of the 'transfer' commands)", 0, (ulong)_transfers - 1);
        var status = ReadStatus(cursor);
        cursor.ExpectEnd(ScriptKeywords.AssertIrp);
        return new AssertIrpCommand(at, (int)index, status);
    }

    private static NtStatus ReadStatus(LineCursor cursor)
    {
        var token = cursor.Next();
        if (token.Kind is ScriptTokenKind.Word or ScriptTokenKind.Number && NtStatusFacts.TryParse(token.Text, out var status))
        {
            return status;
        }

        throw new ScriptParseException(token.Location, "an NTSTATUS name (STATUS_SUCCESS ...) or a 0x value", token.Describe(),
            NearestName.Hint(token.Text, StatusSpellings));
    }
}
