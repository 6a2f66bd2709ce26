using NetDma.ConformanceKit.Scripting;
using static NetDma.ConformanceKit.Tests.Scripting.ScriptText;

namespace NetDma.ConformanceKit.Tests.Scripting;

/// <summary>
/// Every static check reports the first error with its exact file:line:column, expected text, found text and hint.
/// <see cref="ScriptText.Prelude"/> is 5 lines, so the line after it is line 6.
/// </summary>
public sealed class StaticCheckTests
{
    private const string P = Prelude;
    private const string C = WithChannel; // 7 lines: ch0 allocated (line 6) and started (line 7)
    private const string W = WdmPrelude;  // 3 lines: driver wdm, add_device, start_device

    public static TheoryData<string, string, string> Errors => new()
    {
        // concurrently blocks
        { "end without a block", C + "end", "t.ndma:8:1: expected a command, found 'end'; 'end' closes a 'concurrently' block, and none is open" },
        { "nested block", C + "concurrently\nconcurrently", "t.ndma:9:1: expected a command of the block opened at t.ndma:8:1 or 'end', found 'concurrently'; blocks do not nest: close the open one with 'end' first" },
        { "block left open", C + "concurrently\nappend ch0 c1 cpu=1\nrun", "t.ndma:10:4: expected 'end' to close the block opened at t.ndma:8:1, found end of file" },
        { "one-line block", C + "concurrently\nrun\nend", "t.ndma:10:1: expected at least two commands in the block opened at t.ndma:8:1, found 'end' after 1 command; a block says what runs at the same time: give it two or more lines" },
        { "two lanes on one processor", C + "concurrently\nappend ch0 c1 cpu=1\nsuspend ch0 cpu=1\nend", "t.ndma:10:1: expected a processor no other line of the block uses (a processor runs one call at a time; give this line cpu=<n>), found cpu=1, already used at t.ndma:9:1" },
        { "two runs in a block", C + "concurrently\nrun\nrun\nend", "t.ndma:10:1: expected at most one 'run' in a block (the hardware is one lane), found 'run' again after line 9" },
        { "command that cannot run concurrently", C + "concurrently\nrun\nassert_no_violation\nend", "t.ndma:10:1: expected a command that can run concurrently (free, start, append, suspend, resume, abort, reset, run) or 'end' to close the block opened at t.ndma:8:1, found 'assert_no_violation'" },

        // Commands and options
        { "unknown command with suggestion", "alocate ch0", "t.ndma:1:1: expected a command, found 'alocate'; did you mean 'allocate'?" },
        { "keyword in the wrong case", "Allocate ch0 mask=1", "t.ndma:1:1: expected a command, found 'Allocate'; did you mean 'allocate'?" },
        { "unknown command without suggestion", "frobnicate", "t.ndma:1:1: expected a command, found 'frobnicate'" },
        { "line starting with a number", "42 add_device", "t.ndma:1:1: expected a command, found '42'" },
        { "unknown option with suggestion", "run step=5", "t.ndma:1:5: expected an option of 'run' (steps=), found 'step=5'; did you mean 'steps='?" },
        { "option on a command without options", "add_device now=1", "t.ndma:1:12: expected end of line, found 'now=1'; 'add_device' takes no options" },
        { "extra operand", "add_device now", "t.ndma:1:12: expected end of line, found 'now'" },
        { "stray character", "add_device @", "t.ndma:1:12: expected end of line, found '@'" },
        { "option given twice", P + "allocate ch0 mask=1 mask=2", "t.ndma:6:21: expected each option of 'allocate' at most once, found a second 'mask=' (the first is at column 14)" },
        { "space after =", "run steps= 5", "t.ndma:1:11: expected a value after 'steps=', found a space; options are written key=value with no spaces" },
        { "space before =", "run steps =5", "t.ndma:1:5: expected an option of 'run' (steps=) or end of line, found 'steps'; options are written key=value with no spaces" },
        { "option value missing at end of line", "run steps=", "t.ndma:1:11: expected a value after 'steps=', found end of line; options are written key=value with no spaces" },

        // Missing operands
        { "missing channel name", P + "free", "t.ndma:6:5: expected a channel name, found end of line" },
        { "missing required mask", P + "allocate ch0", "t.ndma:6:13: expected option mask= (the ProcessorAffinityMask), found end of line" },
        { "missing mask before a comment", P + "allocate ch0   # no mask", "t.ndma:6:16: expected option mask= (the ProcessorAffinityMask), found end of line" },
        { "missing chain name", C + "start ch0", "t.ndma:8:10: expected a chain name, found end of line" },
        { "missing buffer size", "buffer b", "t.ndma:1:9: expected a buffer size in bytes, 1..16777216 (16 MiB), found end of line" },
        { "missing transfer direction", W + "buffer b 8\ntransfer b 8", "t.ndma:5:13: expected to_device or from_device, found end of line" },
        { "missing rule ID", "assert_violation", "t.ndma:1:17: expected a rule ID of the catalog (NDMA1001 ...), found end of line" },
        { "missing title string", "title abc", "t.ndma:1:7: expected a quoted title, found 'abc'" },

        // Numbers
        { "bad number", "buffer b 40x6", "t.ndma:1:10: expected a number (decimal, 0x hex or 0b binary; '_' only between digits), found '40x6'" },
        { "double underscore", "buffer b 1__0", "t.ndma:1:10: expected a number (decimal, 0x hex or 0b binary; '_' only between digits), found '1__0'" },
        { "trailing underscore", "buffer b 1_", "t.ndma:1:10: expected a number (decimal, 0x hex or 0b binary; '_' only between digits), found '1_'" },
        { "hex prefix without digits", "buffer b 0x", "t.ndma:1:10: expected a number (decimal, 0x hex or 0b binary; '_' only between digits), found '0x'" },
        { "binary digit 2", "buffer b 0b102", "t.ndma:1:10: expected a number (decimal, 0x hex or 0b binary; '_' only between digits), found '0b102'" },
        { "underscore right after prefix", "buffer b 0x_1", "t.ndma:1:10: expected a number (decimal, 0x hex or 0b binary; '_' only between digits), found '0x_1'" },
        { "word where a number is expected", "buffer b big", "t.ndma:1:10: expected a buffer size in bytes, 1..16777216 (16 MiB), found 'big'" },

        // Ranges
        { "buffer size 0", "buffer b 0", "t.ndma:1:10: expected a buffer size in bytes, 1..16777216 (16 MiB), found '0'" },
        { "buffer over 16 MiB", "buffer b 16_777_217", "t.ndma:1:10: expected a buffer size in bytes, 1..16777216 (16 MiB), found '16_777_217'" },
        { "number over 64 bits", "buffer b 0x1_0000_0000_0000_0000", "t.ndma:1:10: expected a buffer size in bytes, 1..16777216 (16 MiB), found '0x1_0000_0000_0000_0000'" },
        { "65 processors", "platform processors=65", "t.ndma:1:21: expected a processor count, 1..64, found '65'" },
        { "0 processors", "platform processors=0", "t.ndma:1:21: expected a processor count, 1..64, found '0'" },
        { "NetDMA version 3.0", "platform netdma=3.0", "t.ndma:1:17: expected a NetDMA version (1.0, 1.1 or 2.0), found '3.0'" },
        { "msix yes", "platform msix=yes", "t.ndma:1:15: expected on or off, found 'yes'" },
        { "zero length descriptor", P + "chain c2 src->dst:0", "t.ndma:6:19: expected a length in bytes, 1..4294967295, found '0'" },
        { "zero mask", P + "allocate ch0 mask=0", "t.ndma:6:19: expected a non-zero 32-bit affinity mask, 1..0xFFFFFFFF, found '0'" },
        { "mask over 32 bits", P + "allocate ch0 mask=0x1_0000_0000", "t.ndma:6:19: expected a non-zero 32-bit affinity mask, 1..0xFFFFFFFF, found '0x1_0000_0000'" },
        { "mask selecting no active processor", P + "allocate ch0 mask=0x10", "t.ndma:6:19: expected a mask that selects at least one of the 4 processors (bits 0..3), found '0x10'" },
        { "cpu beyond the default platform", P + "allocate ch0 mask=1 cpu=4", "t.ndma:6:25: expected a CPU number, 0..3 (the platform has 4 processors), found '4'" },
        { "cpu beyond a 2-processor platform", "platform processors=2\n" + P + "allocate ch0 mask=1 cpu=2", "t.ndma:7:25: expected a CPU number, 0..1 (the platform has 2 processors), found '2'" },
        { "assert_cpu beyond the platform", C + "assert_cpu ch0 4", "t.ndma:8:16: expected a CPU number, 0..3 (the platform has 4 processors), found '4'" },
        { "fill byte 256", "buffer b 1 fill=256", "t.ndma:1:17: expected zero, pattern or a byte value, 0..255, found '256'" },
        { "fill word", "buffer b 1 fill=ones", "t.ndma:1:17: expected zero, pattern or a byte value, 0..255, found 'ones'" },
        { "assert_bytes value 256", P + "assert_bytes dst 1 256", "t.ndma:6:20: expected a byte value, 0..255, found '256'" },
        { "interrupt mode", P + "chain c2 src->dst:1 interrupt=first", "t.ndma:6:31: expected last, each or none, found 'first'" },
        { "run steps 0", "run steps=0", "t.ndma:1:11: expected a step count, 1..2147483647, found '0'" },
        { "negative-looking interrupt count", C + "assert_interrupts ch0 -1", "t.ndma:8:23: expected an interrupt count, 0..2147483647, found '-'" },

        // IRQL, status, rule, transfer status, driver kind
        { "unknown IRQL", P + "allocate ch0 mask=1 irql=DISPATCH", "t.ndma:6:26: expected an IRQL (PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL, DIRQL, HIGH_LEVEL), found 'DISPATCH'; did you mean 'DISPATCH_LEVEL'?" },
        { "IRQL as a number", C + "free ch0 irql=2", "t.ndma:8:15: expected an IRQL (PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL, DIRQL, HIGH_LEVEL), found '2'" },
        { "unknown status", "add_device\nassert_status STATUS_SUCESS", "t.ndma:2:15: expected an NTSTATUS name (STATUS_SUCCESS ...) or a 0x value, found 'STATUS_SUCESS'; did you mean 'STATUS_SUCCESS'?" },
        { "unknown rule", "assert_violation NDMA3004 NDMA3O04", "t.ndma:1:27: expected a rule ID of the catalog (NDMA1001 ...), found 'NDMA3O04'; did you mean 'NDMA3004'?" },
        { "transfer status in lower case", C + "assert_completion ch0 idle", "t.ndma:8:23: expected a transfer status (Active, Idle, Suspend, Halted, Armed), found 'idle'; did you mean 'Idle'?" },
        { "unknown driver kind", "driver ndis", "t.ndma:1:8: expected a driver kind (netdma or wdm), found 'ndis'" },
        { "unknown direction", W + "buffer b 8\ntransfer b 8 to_dev", "t.ndma:5:14: expected to_device or from_device, found 'to_dev'; did you mean 'to_device'?" },

        // Declarations
        { "undeclared buffer with suggestion", P + "assert_copied src+0 dts+0 16", "t.ndma:6:21: expected a buffer declared earlier, found 'dts'; did you mean 'dst'?" },
        { "buffer used before its declaration", "buffer a 8\nchain c a->b:8\nbuffer b 8", "t.ndma:2:12: expected a buffer declared earlier, found 'b'" },
        { "chain where a buffer is expected", P + "assert_bytes c1 1 0", "t.ndma:6:14: expected a buffer declared earlier, found 'c1', a chain declared at t.ndma:5:1" },
        { "undeclared chain with suggestion", C + "start ch0 c2", "t.ndma:8:11: expected a chain declared earlier, found 'c2'; did you mean 'c1'?" },
        { "buffer where a chain is expected", C + "start ch0 src", "t.ndma:8:11: expected a chain declared earlier, found 'src', a buffer declared at t.ndma:3:1" },
        { "buffer declared twice", P + "buffer src 10", "t.ndma:6:8: expected a new buffer name, found 'src', already declared by 'buffer' at t.ndma:3:1" },
        { "chain named like a buffer", P + "chain src dst->src:1", "t.ndma:6:7: expected a new chain name, found 'src', already declared by 'buffer' at t.ndma:3:1" },
        { "buffer named null", "buffer null 4", "t.ndma:1:8: expected a buffer name, found 'null'; 'null' is the null descriptor of a chain; choose another name" },

        // Channels
        { "channel never allocated", P + "start ch1 c1", "t.ndma:6:7: expected a channel allocated by an earlier 'allocate', found 'ch1'" },
        { "channel misspelled", C + "suspend chO", "t.ndma:8:9: expected a channel allocated by an earlier 'allocate', found 'chO'; did you mean 'ch0'?" },
        { "channel assertion before allocate", P + "assert_cpu ch0 1", "t.ndma:6:12: expected a channel allocated by an earlier 'allocate', found 'ch0'" },
        { "channel used after free", C + "free ch0\nstart ch0 c1", "t.ndma:9:7: expected an allocated channel, found 'ch0', freed at t.ndma:8:1; allocate it again before using it" },
        { "channel used after stop_device", C + "stop_device\nabort ch0", "t.ndma:9:7: expected an allocated channel, found 'ch0', freed at t.ndma:8:1; allocate it again before using it" },
        { "channel freed twice", C + "free ch0\nfree ch0", "t.ndma:9:6: expected an allocated channel, found 'ch0', freed at t.ndma:8:1; allocate it again before using it" },
        { "channel allocated twice", C + "allocate ch0 mask=2", "t.ndma:8:10: expected a channel name that is not allocated, found 'ch0', allocated at t.ndma:6:1 and not freed" },
        { "append right after allocate", P + "allocate ch0 mask=1\nappend ch0 c1", "t.ndma:7:8: expected a started channel ('append' needs a 'start' after allocate, abort or reset), found 'ch0', not started since 'allocate' at t.ndma:6:1" },
        { "append after abort", C + "abort ch0\nappend ch0 c1", "t.ndma:9:8: expected a started channel ('append' needs a 'start' after allocate, abort or reset), found 'ch0', not started since 'abort' at t.ndma:8:1" },
        { "append after reset", C + "reset ch0\nappend ch0 c1", "t.ndma:9:8: expected a started channel ('append' needs a 'start' after allocate, abort or reset), found 'ch0', not started since 'reset' at t.ndma:8:1" },

        // Buffer ranges
        { "descriptor source beyond its buffer", P + "chain c2 src+4000->dst+0:512", "t.ndma:6:10: expected a range inside buffer 'src' (4096 bytes), found 'src+4000' with length 512, which ends at byte 4512" },
        { "descriptor destination beyond its buffer", P + "chain c2 src+0->dst+3585:512", "t.ndma:6:17: expected a range inside buffer 'dst' (4096 bytes), found 'dst+3585' with length 512, which ends at byte 4097" },
        { "offset at the buffer's end", P + "chain c2 src+4096->dst:1", "t.ndma:6:14: expected an offset into 'src', 0..4095, found '4096'" },
        { "assert_copied beyond a buffer", P + "assert_copied src+0 dst+1 4096", "t.ndma:6:21: expected a range inside buffer 'dst' (4096 bytes), found 'dst+1' with length 4096, which ends at byte 4097" },
        { "assert_bytes beyond a buffer", P + "assert_bytes dst+4095 2 0", "t.ndma:6:14: expected a range inside buffer 'dst' (4096 bytes), found 'dst+4095' with length 2, which ends at byte 4097" },
        { "transfer beyond a buffer", W + "buffer b 100\ntransfer b+50 51 to_device", "t.ndma:5:10: expected a range inside buffer 'b' (100 bytes), found 'b+50' with length 51, which ends at byte 101" },

        // Chain syntax
        { "chain without descriptors", P + "chain c2 interrupt=each", "t.ndma:6:10: expected a copy descriptor (source->destination:length, or null), found 'interrupt=each'" },
        { "descriptor without arrow", P + "chain c2 src+0 dst+0:1", "t.ndma:6:16: expected '->' between source and destination, found 'dst'" },
        { "descriptor without colon", P + "chain c2 src->dst 1", "t.ndma:6:19: expected ':' before the length, found '1'" },
        { "descriptor starting with a number", P + "chain c2 0->dst:1", "t.ndma:6:10: expected a copy descriptor (source->destination:length, or null), found '0'" },

        // assert_status and assert_irp
        { "assert_status with no earlier call", "assert_status STATUS_SUCCESS", "t.ndma:1:1: expected a provider call or PnP command before 'assert_status', found none earlier in the script" },
        { "assert_status after free", C + "free ch0\nassert_status STATUS_SUCCESS", "t.ndma:9:1: expected a call that returns NTSTATUS before 'assert_status', found 'free' at t.ndma:8:1; ProviderFreeDmaChannel returns VOID" },
        { "assert_status after stop_device", "add_device\nstart_device\nstop_device\nassert_status STATUS_SUCCESS", "t.ndma:4:1: expected a call that returns NTSTATUS before 'assert_status', found 'stop_device' at t.ndma:3:1; INetDmaProviderDriver.StopDevice returns VOID" },
        { "assert_status after WDM add_device", "driver wdm\nadd_device\nassert_status STATUS_SUCCESS", "t.ndma:3:1: expected a call that returns NTSTATUS before 'assert_status', found 'add_device' at t.ndma:2:1; IWdmDmaDriver.AddDevice returns DeviceObject" },
        { "assert_irp before any transfer", "driver wdm\nassert_irp 0 STATUS_SUCCESS", "t.ndma:2:12: expected a transfer index, after at least one 'transfer', found '0'" },
        { "assert_irp index past the transfers", W + "buffer b 1\ntransfer b 1 to_device\nassert_irp 1 STATUS_SUCCESS", "t.ndma:6:12: expected a transfer index, 0..0 (0-based, in order of the 'transfer' commands), found '1'" },

        // PnP order
        { "allocate with no device", "allocate ch0 mask=1", "t.ndma:1:1: expected a started device before 'allocate' (add_device, then start_device), found 'allocate' with no device added" },
        { "allocate before start_device", "add_device\nallocate ch0 mask=1", "t.ndma:2:1: expected a started device before 'allocate' (add_device, then start_device), found 'allocate' while the device is added but not started (by 'add_device' at t.ndma:1:1)" },
        { "allocate after stop_device", "add_device\nstart_device\nstop_device\nallocate ch0 mask=1", "t.ndma:4:1: expected a started device before 'allocate' (add_device, then start_device), found 'allocate' while the device is added but not started (by 'stop_device' at t.ndma:3:1)" },
        { "transfer before start_device", "driver wdm\nadd_device\nbuffer b 1\ntransfer b 1 to_device", "t.ndma:4:1: expected a started device before 'transfer' (add_device, then start_device), found 'transfer' while the device is added but not started (by 'add_device' at t.ndma:2:1)" },
        { "start_device before add_device", "start_device", "t.ndma:1:1: expected 'start_device' only after 'add_device' or 'stop_device', found 'start_device' with no device added" },
        { "start_device twice", "add_device\nstart_device\nstart_device", "t.ndma:3:1: expected 'start_device' only after 'add_device' or 'stop_device', found 'start_device' while the device is started (by 'start_device' at t.ndma:2:1)" },
        { "add_device twice", "add_device\nadd_device", "t.ndma:2:1: expected 'add_device' only when no device is added (again after 'remove_device'), found 'add_device' while the device is added but not started (by 'add_device' at t.ndma:1:1)" },
        { "stop_device before start_device", "add_device\nstop_device", "t.ndma:2:1: expected 'stop_device' only after 'start_device', found 'stop_device' while the device is added but not started (by 'add_device' at t.ndma:1:1)" },
        { "remove_device twice", "add_device\nremove_device\nremove_device", "t.ndma:3:1: expected 'remove_device' only after 'add_device', found 'remove_device' after the device was removed (by 'remove_device' at t.ndma:2:1)" },

        // Header placement and driver kinds
        { "platform after a body command", "add_device\nplatform", "t.ndma:2:1: expected title, platform and driver only before any other command, found 'platform' after 'add_device' at t.ndma:1:1" },
        { "title after a body command", "buffer b 1\n\n# late\ntitle \"x\"", "t.ndma:4:1: expected title, platform and driver only before any other command, found 'title' after 'buffer' at t.ndma:1:1" },
        { "driver after a body command", "add_device\ndriver wdm", "t.ndma:2:1: expected title, platform and driver only before any other command, found 'driver' after 'add_device' at t.ndma:1:1" },
        { "title twice", "title \"a\"\ntitle \"b\"", "t.ndma:2:1: expected at most one 'title', found a second 'title' (the first is at t.ndma:1:1)" },
        { "platform twice", "platform\ndriver netdma\nplatform processors=2", "t.ndma:3:1: expected at most one 'platform', found a second 'platform' (the first is at t.ndma:1:1)" },
        { "driver twice", "driver wdm\ndriver wdm", "t.ndma:2:1: expected at most one 'driver', found a second 'driver' (the first is at t.ndma:1:1)" },
        { "transfer in a NetDMA script", "buffer b 1\ntransfer b 1 to_device", "t.ndma:2:1: expected a command of a NetDMA provider script, found 'transfer'; 'transfer' needs 'driver wdm' at the top of the script" },
        { "allocate in a WDM script", "driver wdm\nallocate ch0 mask=1", "t.ndma:2:1: expected a command of a WDM driver script, found 'allocate'; 'allocate' needs 'driver netdma' (the default)" },

        // Strings
        { "unterminated string", "title \"abc", "t.ndma:1:11: expected a closing '\"' of the string that starts at column 7, found end of line" },
        { "unknown escape", "title \"a\\nb\"", "t.ndma:1:9: expected an escape \\\" or \\\\ in a string, found '\\n'" },
        { "empty title", "title \"  \"", "t.ndma:1:7: expected a non-empty title, found \"  \"" },

        // The first error wins
        { "leftmost bad option first", P + "allocate ch9 mask=0 irql=BAD", "t.ndma:6:19: expected a non-zero 32-bit affinity mask, 1..0xFFFFFFFF, found '0'" },
        { "leftmost bad option first, reversed", P + "allocate ch9 irql=BAD mask=0", "t.ndma:6:19: expected an IRQL (PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL, DIRQL, HIGH_LEVEL), found 'BAD'" },
        { "first bad line wins", "alocate\nfrobnicate", "t.ndma:1:1: expected a command, found 'alocate'; did you mean 'allocate'?" },
        { "CRLF line ends", "add_device\r\n\r\nalocate\r\n", "t.ndma:3:1: expected a command, found 'alocate'; did you mean 'allocate'?" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Static_error_message_has_exact_location_expected_found_and_hint(string check, string script, string message)
    {
        var error = Error(script);
        Assert.True(message == error.Message, $"{check}:\n  expected message: {message}\n  actual message:   {error.Message}");
    }

    [Fact]
    public void Exception_properties_carry_location_expected_found_and_hint_separately()
    {
        var error = Error(P + "allocate ch0 mask=1 irql=DISPATCH");
        Assert.Equal(new SourceLocation("t.ndma", 6, 26), error.Location);
        Assert.Equal("an IRQL (PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL, DIRQL, HIGH_LEVEL)", error.Expected);
        Assert.Equal("'DISPATCH'", error.Found);
        Assert.Equal("did you mean 'DISPATCH_LEVEL'?", error.Hint);
    }

    [Fact]
    public void Error_without_hint_has_null_Hint_and_no_suffix()
    {
        var error = Error("frobnicate");
        Assert.Null(error.Hint);
        Assert.EndsWith("found 'frobnicate'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseFile_locations_name_the_path_as_given()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scripting-{Guid.NewGuid():N}.ndma");
        File.WriteAllText(path, "add_device\nalocate\n");
        try
        {
            var error = Assert.Throws<ScriptParseException>(() => ScriptParser.ParseFile(path));
            Assert.Equal(new SourceLocation(path, 2, 1), error.Location);
            Assert.StartsWith($"{path}:2:1: expected a command", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
