using NetDma.ConformanceKit.Scripting;
using static NetDma.ConformanceKit.Tests.Scripting.ScriptText;

namespace NetDma.ConformanceKit.Tests.Scripting;

/// <summary>The canonical form written by <see cref="ScriptFormatter"/> parses back to equal commands.</summary>
public sealed class FormatterTests
{
    private const string NetDmaScript =
        "title \"all \\\"netdma\\\" commands \\\\ once\"\n" +
        "platform processors=8 msix=off netdma=1.1 vendor=0x8086\n" +
        "driver netdma\n" +
        "add_device\n" +
        "assert_status STATUS_SUCCESS\n" +
        "start_device\n" +
        "set_power D3\n" +
        "assert_status STATUS_SUCCESS\n" +
        "set_power D0\n" +
        "buffer src 0x2000 fill=pattern\n" +
        "buffer dst 8192 fill=0xCC\n" +
        "buffer z 1\n" +
        "buffer p 8192 align=4096\n" +
        "chain c1 src->dst:4096 src+4096->dst+4096:4096 null interrupt=each status=off\n" +
        "chain c9 context:2 p+3072/p+4096->dst/dst+4096:2048 serialize=on\n" +
        "allocate ch0 mask=0b1010_0000 priority=3 irql=PASSIVE_LEVEL cpu=7\n" +
        "assert_status STATUS_RESOURCES\n" +
        "assert_cpu_in_mask ch0\n" +
        "assert_cpu ch0 5\n" +
        "start ch0 c1 irql=DEVICE_LEVEL\n" +
        "append ch0 c1 cpu=1\n" +
        "suspend ch0\n" +
        "relink ch0 c9\n" +
        "resume ch0\n" +
        "abort ch0\n" +
        "reset ch0\n" +
        "start ch0 c1\n" +
        "concurrently\n" +
        "  append ch0 c1 cpu=2 # from another processor\n" +
        "  run steps=3\n" +
        "end\n" +
        "fault seed=4;pool:every=2,tag=Ndma;interrupt:spurious=3\n" +
        "run\n" +
        "fault none\n" +
        "assert_dpc_cpu ch0\n" +
        "assert_copied src+1 dst+1 4095\n" +
        "assert_bytes dst+8191 1 0b1\n" +
        "assert_completion ch0 Halted\n" +
        "assert_interrupts ch0 0\n" +
        "free ch0\n" +
        "assert_violation NDMA3004 NDMA3004 NDMA1001\n" +
        "stop_device\n" +
        "remove_device\n" +
        "assert_no_violation\n";

    private const string WdmScript =
        "driver wdm\n" +
        "add_device\n" +
        "start_device\n" +
        "assert_status 0xC0001234\n" +
        "buffer io 16384\n" +
        "transfer io 16384 to_device\n" +
        "transfer io+4096 4096 from_device\n" +
        "run steps=5\n" +
        "surprise_remove\n" +
        "assert_irp 1 STATUS_UNSUCCESSFUL\n" +
        "remove_device\n";

    [Theory]
    [InlineData(NetDmaScript)]
    [InlineData(WdmScript)]
    public void Formatted_script_parses_to_equal_commands_and_formats_identically(string text)
    {
        var script = Parse(text);
        var formatted = ScriptFormatter.Format(script);
        var reparsed = Parse(formatted);

        // One command per line in both, so even the locations' lines agree.
        Assert.Equal(script.Commands.Select(c => c.Location.Line), reparsed.Commands.Select(c => c.Location.Line));
        Assert.Equal(script.Commands.Select(c => c with { Location = default }), reparsed.Commands.Select(c => c with { Location = default }));
        Assert.Equal(script.Title, reparsed.Title);
        Assert.Equal(formatted, ScriptFormatter.Format(reparsed));
    }

    [Fact]
    public void Every_command_type_appears_in_the_round_trip_scripts()
    {
        var covered = Parse(NetDmaScript).Commands.Concat(Parse(WdmScript).Commands).Select(c => c.GetType()).ToHashSet();
        var all = typeof(ScriptCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ScriptCommand)) && !t.IsAbstract).ToList();
        // 'end' closes a concurrently block and is no command of its own.
        Assert.Equal(ScriptKeywords.All.Count - 1, all.Count);
        Assert.Empty(all.Where(t => !covered.Contains(t)).Select(t => t.Name));
    }

    [Theory]
    [InlineData("allocate ch1 mask=0b0110 cpu=1", "allocate ch1 mask=0x6 priority=0 irql=DISPATCH_LEVEL cpu=1")]
    [InlineData("run", "run")]
    [InlineData("set_power D3", "set_power D3")]
    [InlineData("assert_bytes dst+512 512 0", "assert_bytes dst+512 512 0x00")]
    [InlineData("assert_copied src dst 1", "assert_copied src+0 dst+0 1")]
    [InlineData("chain c2 src->dst:1 null", "chain c2 src+0->dst+0:1 null interrupt=last status=on")]
    [InlineData("assert_status STATUS_RESOURCES", "assert_status STATUS_INSUFFICIENT_RESOURCES")]
    [InlineData("assert_completion ch0 NetDmaTransferStatusArmed", "assert_completion ch0 Armed")]
    [InlineData("free ch0 irql=DEVICE_LEVEL", "free ch0 irql=DIRQL cpu=0")]
    public void Canonical_form_spells_out_defaults(string line, string canonical)
    {
        Assert.Equal(canonical, ScriptFormatter.Format(Parse(WithChannel + line).Commands[^1]));
    }
}
