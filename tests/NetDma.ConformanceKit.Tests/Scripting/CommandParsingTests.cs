using NetDma.ConformanceKit.Host;
using NetDma.ConformanceKit.Rules;
using NetDma.ConformanceKit.Scripting;
using NetDma.Contracts.Annotations;
using NetDma.Contracts.NetDma;
using NetDma.Contracts.Status;
using static NetDma.ConformanceKit.Tests.Scripting.ScriptText;

namespace NetDma.ConformanceKit.Tests.Scripting;

/// <summary>Every command parses to its record with the values written, and the documented defaults otherwise.</summary>
public sealed class CommandParsingTests
{
    [Fact]
    public void Title_sets_the_command_text_and_Script_Title_with_escapes_resolved()
    {
        var script = Parse("title \"copy \\\"fast\\\" \\\\ slow\"\n");
        var title = Assert.IsType<TitleCommand>(Assert.Single(script.Commands));
        Assert.Equal("copy \"fast\" \\ slow", title.Text);
        Assert.Equal(title.Text, script.Title);
        Assert.Equal(new SourceLocation(FileName, 1, 1), title.Location);
    }

    [Fact]
    public void Script_without_title_has_null_Title_and_netdma_driver_kind()
    {
        var script = Parse("add_device\n");
        Assert.Null(script.Title);
        Assert.Null(script.Platform);
        Assert.Equal(DriverCommand.NetDma, script.DriverKind);
    }

    [Fact]
    public void Platform_with_every_option_sets_every_value()
    {
        var platform = Last<PlatformCommand>("platform processors=64 msix=off netdma=1.1");
        Assert.Equal(new PlatformCommand(new SourceLocation(FileName, 1, 1), 64, false, 1, 1), platform);
    }

    [Fact]
    public void Platform_without_options_has_the_documented_defaults()
    {
        var platform = Last<PlatformCommand>("platform");
        Assert.Equal((4, true, 2u, 0u), (platform.Processors, platform.MsiX, platform.NetDmaMajor, platform.NetDmaMinor));
        Assert.Equal(
            (PlatformCommand.DefaultProcessors, PlatformCommand.DefaultMsiX, PlatformCommand.DefaultNetDmaMajor, PlatformCommand.DefaultNetDmaMinor),
            (platform.Processors, platform.MsiX, platform.NetDmaMajor, platform.NetDmaMinor));
    }

    [Theory]
    [InlineData("netdma=1.0", 1u, 0u)]
    [InlineData("netdma=1.1", 1u, 1u)]
    [InlineData("netdma=2.0", 2u, 0u)]
    public void Platform_netdma_versions_parse_to_major_and_minor(string option, uint major, uint minor)
    {
        var platform = Last<PlatformCommand>("platform " + option);
        Assert.Equal((major, minor), (platform.NetDmaMajor, platform.NetDmaMinor));
    }

    [Theory]
    [InlineData("driver netdma", "netdma")]
    [InlineData("driver wdm", "wdm")]
    public void Driver_sets_the_kind_and_Script_DriverKind(string line, string kind)
    {
        var script = Parse(line);
        Assert.Equal(kind, Assert.IsType<DriverCommand>(Assert.Single(script.Commands)).Kind);
        Assert.Equal(kind, script.DriverKind);
    }

    [Fact]
    public void PnP_commands_parse_to_their_records_in_order()
    {
        var commands = Parse("add_device\nstart_device\nstop_device\nremove_device\n").Commands;
        Assert.Collection(commands,
            c => Assert.Equal(new AddDeviceCommand(new SourceLocation(FileName, 1, 1)), c),
            c => Assert.Equal(new StartDeviceCommand(new SourceLocation(FileName, 2, 1)), c),
            c => Assert.Equal(new StopDeviceCommand(new SourceLocation(FileName, 3, 1)), c),
            c => Assert.Equal(new RemoveDeviceCommand(new SourceLocation(FileName, 4, 1)), c));
    }

    [Theory]
    [InlineData("buffer b 4096", 4096UL, BufferFillKind.Zero, 0)]
    [InlineData("buffer b 16_777_216 fill=zero", 16UL * 1024 * 1024, BufferFillKind.Zero, 0)]
    [InlineData("buffer b 0x10 fill=pattern", 16UL, BufferFillKind.Pattern, 0)]
    [InlineData("buffer b 1 fill=0xAB", 1UL, BufferFillKind.Byte, 0xAB)]
    [InlineData("buffer b 2 fill=255", 2UL, BufferFillKind.Byte, 255)]
    public void Buffer_parses_size_and_fill(string line, ulong size, BufferFillKind kind, byte value)
    {
        var buffer = Last<BufferCommand>(line);
        Assert.Equal("b", buffer.Name);
        Assert.Equal(size, buffer.Size);
        Assert.Equal(new BufferFill(kind, value), buffer.Fill);
    }

    [Fact]
    public void Chain_parses_descriptors_offsets_lengths_and_options()
    {
        var chain = Last<ChainCommand>(
            "buffer src 4096\nbuffer dst 4096\nchain c1 src+0->dst+0:512 src+512->dst+512:512 null interrupt=each status=off");
        Assert.Equal("c1", chain.Name);
        Assert.Equal(
            [
                new CopyDescriptor(new BufferRef("src", 0), new BufferRef("dst", 0), 512),
                new CopyDescriptor(new BufferRef("src", 512), new BufferRef("dst", 512), 512),
                CopyDescriptor.NullTransfer,
            ],
            chain.Descriptors);
        Assert.True(chain.Descriptors[2].IsNullTransfer);
        Assert.False(chain.Descriptors[0].IsNullTransfer);
        Assert.Equal(InterruptMode.Each, chain.Interrupt);
        Assert.False(chain.StatusUpdate);
    }

    [Fact]
    public void Chain_defaults_are_interrupt_last_and_status_on_and_a_bare_name_is_offset_0()
    {
        var chain = Last<ChainCommand>("buffer a 64\nbuffer b 64\nchain c a->b:64");
        Assert.Equal(InterruptMode.Last, chain.Interrupt);
        Assert.True(chain.StatusUpdate);
        Assert.Equal(new CopyDescriptor(new BufferRef("a", 0), new BufferRef("b", 0), 64), Assert.Single(chain.Descriptors));
    }

    [Fact]
    public void Chain_descriptor_tokens_may_be_separated_by_spaces()
    {
        var chain = Last<ChainCommand>("buffer a 64\nbuffer b 64\nchain c a + 8 -> b + 16 : 32 interrupt=none");
        Assert.Equal(new CopyDescriptor(new BufferRef("a", 8), new BufferRef("b", 16), 32), Assert.Single(chain.Descriptors));
        Assert.Equal(InterruptMode.None, chain.Interrupt);
    }

    [Fact]
    public void Allocate_parses_mask_priority_irql_and_cpu()
    {
        var allocate = Last<AllocateCommand>(Prelude + "allocate ch0 mask=0b0110 priority=7 irql=PASSIVE_LEVEL cpu=3");
        Assert.Equal("ch0", allocate.Channel);
        Assert.Equal(0b0110u, allocate.AffinityMask);
        Assert.Equal(7u, allocate.Priority);
        Assert.Equal(new CallSite(Irql.PASSIVE_LEVEL, 3), allocate.Site);
        Assert.Equal(new SourceLocation(FileName, 6, 1), allocate.Location);
    }

    [Fact]
    public void Allocate_defaults_are_priority_0_at_DISPATCH_LEVEL_on_cpu_0()
    {
        var allocate = Last<AllocateCommand>(Prelude + "allocate ch0 mask=1");
        Assert.Equal(0u, allocate.Priority);
        Assert.Equal(new CallSite(Irql.DISPATCH_LEVEL, 0), allocate.Site);
        Assert.Equal(CallSite.ChannelOperationDefault, allocate.Site);
    }

    [Theory]
    [InlineData("DIRQL", Irql.DIRQL)]
    [InlineData("DEVICE_LEVEL", Irql.DIRQL)]
    [InlineData("APC_LEVEL", Irql.APC_LEVEL)]
    [InlineData("HIGH_LEVEL", Irql.HIGH_LEVEL)]
    public void Irql_option_accepts_the_DDI_spellings(string spelling, Irql irql)
    {
        Assert.Equal(irql, Last<FreeCommand>(WithChannel + $"free ch0 irql={spelling}").Site.Irql);
    }

    [Fact]
    public void Channel_operations_parse_channel_chain_and_call_site()
    {
        var commands = Parse(WithChannel +
            "append ch0 c1 cpu=2\n" +
            "suspend ch0 irql=PASSIVE_LEVEL\n" +
            "resume ch0\n" +
            "abort ch0 cpu=1 irql=APC_LEVEL\n" +
            "reset ch0\n" +
            "start ch0 c1\n" +
            "free ch0\n").Commands;
        var at = (int line) => new SourceLocation(FileName, line, 1);
        var dispatch = CallSite.ChannelOperationDefault;
        Assert.Equal(new StartDmaCommand(at(7), "ch0", "c1", dispatch), commands[6]);
        Assert.Equal(
            [
                new AppendDmaCommand(at(8), "ch0", "c1", new CallSite(Irql.DISPATCH_LEVEL, 2)),
                new SuspendDmaCommand(at(9), "ch0", new CallSite(Irql.PASSIVE_LEVEL, 0)),
                new ResumeDmaCommand(at(10), "ch0", dispatch),
                new AbortDmaCommand(at(11), "ch0", new CallSite(Irql.APC_LEVEL, 1)),
                new ResetChannelCommand(at(12), "ch0", dispatch),
                new StartDmaCommand(at(13), "ch0", "c1", dispatch),
                new FreeCommand(at(14), "ch0", dispatch),
            ],
            commands.Skip(7));
    }

    [Theory]
    [InlineData("run steps=100", 100)]
    [InlineData("run steps=2147483647", int.MaxValue)]
    public void Run_with_steps_is_a_partial_run_of_that_many_steps(string line, int steps)
    {
        Assert.Equal(steps, Last<RunCommand>(line).Steps);
    }

    [Fact]
    public void Run_without_steps_runs_until_idle()
    {
        Assert.Null(Last<RunCommand>("run").Steps);
    }

    [Fact]
    public void Transfer_parses_buffer_length_and_direction()
    {
        var commands = Parse(WdmPrelude + "buffer src 16384\ntransfer src+0 8192 to_device\ntransfer src+8192 100 from_device\n").Commands;
        Assert.Equal(new TransferCommand(new SourceLocation(FileName, 5, 1), new BufferRef("src", 0), 8192, true), commands[4]);
        Assert.Equal(new TransferCommand(new SourceLocation(FileName, 6, 1), new BufferRef("src", 8192), 100, false), commands[5]);
    }

    [Theory]
    [InlineData("STATUS_SUCCESS", NtStatus.STATUS_SUCCESS)]
    [InlineData("STATUS_UNSUCCESSFUL", NtStatus.STATUS_UNSUCCESSFUL)]
    [InlineData("STATUS_RESOURCES", NtStatus.STATUS_INSUFFICIENT_RESOURCES)]
    [InlineData("STATUS_INSUFFICIENT_RESOURCES", NtStatus.STATUS_INSUFFICIENT_RESOURCES)]
    [InlineData("0xC0000001", NtStatus.STATUS_UNSUCCESSFUL)]
    public void Assert_status_accepts_names_page_spellings_and_hex(string spelling, NtStatus status)
    {
        Assert.Equal(status, Last<AssertStatusCommand>(Prelude + "assert_status " + spelling).Expected);
    }

    [Fact]
    public void Assert_status_accepts_an_undefined_hex_value()
    {
        Assert.Equal(unchecked((NtStatus)0xC0001234), Last<AssertStatusCommand>("add_device\nassert_status 0xC0001234").Expected);
    }

    [Fact]
    public void Channel_assertions_parse_channel_and_values()
    {
        var commands = Parse(WithChannel +
            "assert_cpu_in_mask ch0\n" +
            "assert_cpu ch0 2\n" +
            "assert_dpc_cpu ch0\n" +
            "assert_completion ch0 Idle\n" +
            "assert_completion ch0 NetDmaTransferStatusHalted\n" +
            "assert_interrupts ch0 3\n").Commands;
        var at = (int line) => new SourceLocation(FileName, line, 1);
        Assert.Equal(
            [
                new AssertCpuInMaskCommand(at(8), "ch0"),
                new AssertCpuCommand(at(9), "ch0", 2),
                new AssertDpcCpuCommand(at(10), "ch0"),
                new AssertCompletionCommand(at(11), "ch0", NetDmaTransferStatus.NetDmaTransferStatusIdle),
                new AssertCompletionCommand(at(12), "ch0", NetDmaTransferStatus.NetDmaTransferStatusHalted),
                new AssertInterruptsCommand(at(13), "ch0", 3),
            ],
            commands.Skip(7));
    }

    [Theory]
    [InlineData("Active", NetDmaTransferStatus.NetDmaTransferStatusActive)]
    [InlineData("Idle", NetDmaTransferStatus.NetDmaTransferStatusIdle)]
    [InlineData("Suspend", NetDmaTransferStatus.NetDmaTransferStatusSuspend)]
    [InlineData("Halted", NetDmaTransferStatus.NetDmaTransferStatusHalted)]
    [InlineData("Armed", NetDmaTransferStatus.NetDmaTransferStatusArmed)]
    public void Assert_completion_maps_every_short_name_to_NetDmaTransferStatus(string name, NetDmaTransferStatus status)
    {
        Assert.Equal(status, Last<AssertCompletionCommand>(WithChannel + "assert_completion ch0 " + name).Status);
    }

    [Fact]
    public void Memory_assertions_parse_references_lengths_and_bytes()
    {
        var commands = Parse(Prelude + "assert_copied src+0 dst+0 512\nassert_bytes dst+512 3584 0x00\nassert_bytes src 1 0b1111_1111\n").Commands;
        Assert.Equal(new AssertCopiedCommand(new SourceLocation(FileName, 6, 1), new BufferRef("src", 0), new BufferRef("dst", 0), 512), commands[5]);
        Assert.Equal(new AssertBytesCommand(new SourceLocation(FileName, 7, 1), new BufferRef("dst", 512), 3584, 0x00), commands[6]);
        Assert.Equal(new AssertBytesCommand(new SourceLocation(FileName, 8, 1), new BufferRef("src", 0), 1, 0xFF), commands[7]);
    }

    [Fact]
    public void Assert_violation_resolves_rule_IDs_from_the_catalog_in_order_keeping_repeats()
    {
        var assertion = Last<AssertViolationCommand>("assert_violation NDMA3004 NDMA1001 NDMA3004");
        Assert.Equal([LifecycleRules.CpuNumberInMask, RuleCatalog.All.Single(r => r.Id == "NDMA1001"), LifecycleRules.CpuNumberInMask], assertion.Rules);
    }

    [Fact]
    public void Assert_no_violation_parses()
    {
        Assert.Equal(new AssertNoViolationCommand(new SourceLocation(FileName, 1, 1)), Last<AssertNoViolationCommand>("assert_no_violation"));
    }

    [Fact]
    public void Assert_irp_parses_index_and_status()
    {
        var irp = Last<AssertIrpCommand>(WdmPrelude + "buffer b 64\ntransfer b 64 to_device\ntransfer b 64 from_device\nassert_irp 1 STATUS_SUCCESS");
        Assert.Equal((1, NtStatus.STATUS_SUCCESS), (irp.Index, irp.Status));
    }

    [Fact]
    public void Indented_command_is_located_at_its_keyword()
    {
        Assert.Equal(new SourceLocation(FileName, 2, 6), Parse("\n    \tadd_device").Commands[0].Location);
    }

    [Fact]
    public void Device_may_be_started_and_stopped_repeatedly_and_added_again_after_removal()
    {
        var script = Parse("add_device\nstart_device\nstop_device\nstart_device\nremove_device\nadd_device\nstart_device\nremove_device\n");
        Assert.Equal(8, script.Commands.Count);
    }

    [Fact]
    public void Channel_name_may_be_reallocated_after_free_and_after_stop_device()
    {
        var script = Parse(Prelude +
            "allocate ch0 mask=1\nfree ch0\nallocate ch0 mask=2\nstop_device\nstart_device\nallocate ch0 mask=4\nstart ch0 c1\n");
        Assert.Equal(3, script.Commands.OfType<AllocateCommand>().Count(a => a.Channel == "ch0"));
    }
}
